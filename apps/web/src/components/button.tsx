import type { ButtonHTMLAttributes } from 'react';
import { buttonClasses, type ButtonVariant } from './button-classes.ts';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Disables the button and says so while a request runs. */
  isPending?: boolean;
  pendingLabel?: string;
}

/**
 * A real <button>, `type="button"` unless told otherwise.
 * @example <Button type="submit" isPending={mutation.isPending}>Sign in</Button>
 */
export function Button({
  variant = 'primary',
  isPending = false,
  pendingLabel,
  type = 'button',
  className = '',
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClasses(variant, className)}
      disabled={disabled || isPending}
      aria-busy={isPending || undefined}
      {...rest}
    >
      {isPending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

/** The signed-in user as better-auth reports it in `/auth/get-session`. */
export interface SessionUser {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
}

/** `GET /auth/get-session` answer; `null` when nobody is signed in. */
export interface SessionInfo {
  session: { id: string; userId: string; expiresAt: string };
  user: SessionUser;
}

import { describe, expect, it } from 'vitest';
import { checkModelFits, estimateModelMemory } from './system-requirements.ts';

const GIB = 1024 ** 3;
const machine = (totalGib: number, freeGib: number) => () => ({ totalBytes: totalGib * GIB, freeBytes: freeGib * GIB });

describe('estimateModelMemory', () => {
  it('adds the KV cache for the context window and overhead to the weights on disk', () => {
    const at2k = estimateModelMemory({ name: 'custom', sizeBytes: 4.9e9, parameterCount: 8e9 }, 2048) ?? 0;
    const at32k = estimateModelMemory({ name: 'custom', sizeBytes: 4.9e9, parameterCount: 8e9 }, 32_768) ?? 0;
    expect(at2k).toBeGreaterThan(4.9e9 * 1.1);
    // 8B parameters: 128 KiB of KV cache per token.
    expect(at32k - at2k).toBe((32_768 - 2048) * 128 * 1024);
  });

  it('derives the weights from parameters and quantization when the size is unknown', () => {
    const q4 = estimateModelMemory({ name: 'custom', parameterCount: 7e9, quantization: 'Q4_K_M' }, 0) ?? 0;
    const f16 = estimateModelMemory({ name: 'custom', parameterCount: 7e9, quantization: 'F16' }, 0) ?? 0;
    expect(f16).toBeGreaterThan(3 * q4);
    expect(f16).toBeGreaterThan(14e9);
  });

  it('knows well-known library models by name, and reads the size from a tag like :70b', () => {
    expect(estimateModelMemory({ name: 'llama3.1:8b' })).toBeGreaterThan(5 * GIB);
    expect(estimateModelMemory({ name: 'llama3.2' })).toBe(estimateModelMemory({ name: 'llama3.2:3b' }));
    expect(estimateModelMemory({ name: 'someone/model:70b' })).toBeGreaterThan(35 * GIB);
    expect(estimateModelMemory({ name: 'mystery-model' })).toBeUndefined();
  });
});

describe('checkModelFits', () => {
  it('fits a small model, warning when free memory is short right now', () => {
    const report = checkModelFits({ name: 'llama3.2:3b' }, { readMemory: machine(16, 1) });
    expect(report.fits).toBe(true);
    expect(report.availableBytes).toBe(14 * GIB);
    expect(report.reason).toContain('Only 1.0 GiB is free right now');
  });

  it('refuses a model bigger than the machine, with the numbers', () => {
    const report = checkModelFits({ name: 'llama3.1:70b' }, { readMemory: machine(32, 30) });
    expect(report.fits).toBe(false);
    expect(report.neededBytes).toBeGreaterThan(report.availableBytes);
    expect(report.reason).toMatch(
      /^llama3\.1:70b needs about \d+\.\d GiB of memory, but this machine has 32\.0 GiB \(30\.0 GiB usable\)/,
    );
  });

  it('says so honestly when the size of a model is unknown', () => {
    const report = checkModelFits({ name: 'mystery-model' }, { readMemory: machine(8, 4) });
    expect(report).toMatchObject({ fits: true, neededBytes: 0 });
    expect(report.reason).toContain('unknown');
  });
});

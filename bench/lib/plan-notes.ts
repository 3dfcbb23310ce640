// The plan benchmark's notes, written by hand below the generated figures (dated).

export const planNotes = `Notes: to be written after the first full run.`;

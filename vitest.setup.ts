import fc from 'fast-check';

// Property tests draw from a fixed seed so CI runs are reproducible; FC_SEED=<n> explores others
// (fast-check prints the seed and the shrunk counterexample of any failure).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });

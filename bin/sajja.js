#!/usr/bin/env node
// The `sajja` command: runs the TypeScript CLI through tsx (bench and deploys use the esbuild bundle).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../cli/bin.ts', import.meta.url).href);

// The default solieu config. Paths are relative to this file.
import { defineConfig } from 'solieu';

export default defineConfig({
  sources: [{ kind: 'files', name: 'seeds', paths: ['seeds/*.txt'] }],
  store: { path: 'data/solieu.db' },
});

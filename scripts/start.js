#!/usr/bin/env node
// `npm start`: build if needed, then serve (on the embedded PGlite unless DATABASE_URL is set).
require('./ensure-built');
require('../dist/main');

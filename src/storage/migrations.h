#pragma once

namespace cartera::storage {

class Database;

/// Number of the last migration step: the schema version of a database this build writes.
int latestSchemaVersion();

/// Runs every step above the database's user_version, each in its own write transaction that
/// also bumps user_version, so an interrupted upgrade resumes at the failed step.
void migrate(const Database& db);

} // namespace cartera::storage

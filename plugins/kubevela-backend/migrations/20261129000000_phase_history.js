// @ts-check

/**
 * The phase history of tables: every phase transition the backend's watches observed
 * (kubevela_phase_history), and the current phase per Application (kubevela_phase_current), whose
 * conditional update lets several backend replicas record each transition once.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('kubevela_phase_current', table => {
    table.string('cluster', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('application', 255).notNullable();
    table.string('phase', 32).notNullable();
    table.string('changed_at', 32).notNullable().comment('RFC 3339, UTC');
    table.primary(['cluster', 'namespace', 'application']);
  });
  await knex.schema.createTable('kubevela_phase_history', table => {
    table.bigIncrements('id').primary();
    table.string('cluster', 255).notNullable();
    table.string('namespace', 255).notNullable();
    table.string('application', 255).notNullable();
    table.string('phase', 32).notNullable();
    table.string('from_phase', 32).nullable();
    table.text('reason').nullable();
    table.string('observed_at', 32).notNullable().comment('RFC 3339, UTC');
    table.index(
      ['cluster', 'namespace', 'application'],
      'kubevela_phase_history_app_idx',
    );
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kubevela_phase_history');
  await knex.schema.dropTable('kubevela_phase_current');
};

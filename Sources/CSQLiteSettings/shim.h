#include <sqlite3.h>

/* SQLite's settings for the whole process, which `sqlite3_config` sets: a variadic function, which Swift cannot
 * call. Effective only before SQLite is first used in the process; SQLITE_MISUSE after. */

/* Every connection used by one thread at a time (GRDB's own rule): no mutex taken on each call through a
 * connection. */
static inline int safeguard_sqlite_multithread(void) { return sqlite3_config(SQLITE_CONFIG_MULTITHREAD); }

/* No statistics of the memory SQLite holds: without them, no process-wide mutex taken on each allocation and
 * free. */
static inline int safeguard_sqlite_no_memory_statistics(void) { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); }

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "cw-store.h"

G_BEGIN_DECLS

typedef enum {
  CW_STORE_CHANGE_CASE_ADDED,
  CW_STORE_CHANGE_CASE_CHANGED,
  CW_STORE_CHANGE_CASE_REMOVED,
  CW_STORE_CHANGE_ENTRIES,
} CwStoreChange;

/* One step of the schema: run in one transaction, after a backup copy. */
typedef struct {
  int version;
  const char *sql;
} CwMigration;

struct _CwStore
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  gboolean read_only;
  char *read_only_reason;
  int schema_version;

  GHashTable *statements;   /* SQL text → sqlite3_stmt, reused */
  guint transaction_depth;
  GArray *pending_changes;  /* emitted when the outermost transaction commits */
  GHashTable *pending_keys;  /* "change:id" of each pending change → its index + 1 */
  const char *changed_entry;  /* while "entries-changed" is emitted: the one entry */
  GArray *savepoint_marks;  /* pending_changes->len when each open savepoint began */
};

/* cw-store.c */
CwStore        *cw_store_open_with_migrations (const char         *path,
                                               const CwMigration  *migrations,
                                               guint               n_migrations,
                                               GError            **error);
sqlite3_stmt   *cw_store_prepare              (CwStore            *self,
                                               const char         *sql,
                                               GError            **error);
gboolean        cw_store_step_done            (CwStore            *self,
                                               sqlite3_stmt       *stmt,
                                               GError            **error);
void            cw_store_set_sqlite_error     (CwStore            *self,
                                               GError            **error,
                                               int                 rc,
                                               const char         *what);
gboolean        cw_store_check_writable       (CwStore            *self,
                                               GError            **error);
void            cw_store_queue_change         (CwStore            *self,
                                               CwStoreChange       change,
                                               const char         *id);
void            cw_store_queue_entry_change   (CwStore            *self,
                                               const char         *case_id,
                                               const char         *entry_id);
gboolean        cw_store_query_int            (CwStore            *self,
                                               const char         *sql,
                                               int                *value,
                                               GError            **error);
gboolean        cw_store_exec                 (CwStore            *self,
                                               const char         *sql,
                                               GError            **error);
gboolean        cw_store_get_cache_size       (CwStore            *self,
                                               int                *value,
                                               GError            **error);
gboolean        cw_store_read_schema_version  (CwStore            *self,
                                               int                *version,
                                               GError            **error);
CwStore        *cw_store_open_file_read_only  (const char         *path,
                                               GError            **error);
gboolean        cw_store_is_database_file     (CwStore            *self,
                                               GFile              *file);

char           *cw_store_clean_text           (const char         *text);
void            cw_sql_bind_text              (sqlite3_stmt       *stmt,
                                               int                 index,
                                               const char         *text);
char           *cw_sql_column_dup             (sqlite3_stmt       *stmt,
                                               int                 column);

/* cw-store-migrations.c */
const CwMigration *cw_store_migrations        (guint              *n_migrations);
gboolean        cw_store_migrate              (CwStore            *self,
                                               const CwMigration  *migrations,
                                               guint               n_migrations,
                                               GError            **error);

/* cw-store-backup.c */
gboolean        cw_store_backup_to            (CwStore            *self,
                                               const char         *dest_path,
                                               GError            **error);

/* cw-store-cases.c */
gboolean        cw_store_reindex_case         (CwStore            *self,
                                               CwCase             *kase,
                                               GError            **error);
gboolean        cw_store_touch_case           (CwStore            *self,
                                               const char         *case_id,
                                               GError            **error);
gboolean        cw_store_touch_case_at        (CwStore            *self,
                                               const char         *case_id,
                                               const char         *now,
                                               GError            **error);
gboolean        cw_store_write_case           (CwStore            *self,
                                               CwCase             *kase,
                                               gboolean            is_new,
                                               const char         *now,
                                               GError            **error);

/* cw-store-entries.c */
gboolean        cw_store_write_entry          (CwStore            *self,
                                               CwEntry            *entry,
                                               gboolean            case_is_new,
                                               const char         *now,
                                               GError            **error);

/* cw-store-entries.c: reading a timeline only to write it out */

/* One timeline entry as the database holds it. The strings belong to the
 * CwEntryRows it was read into. */
typedef struct {
  const char *id;
  const char *date;
  const char *category;    /* the nick: activity, outcome or update */
  const char *kind;        /* NULL: none */
  gint64      count;       /* CW_ENTRY_NO_COUNT: nothing was counted */
  gboolean    is_private;
  const char *title;
  const char *notes;       /* NULL: none */
} CwEntryRow;

/* A case's timeline as rows, reused from one case to the next. */
typedef struct {
  GArray       *rows;      /* CwEntryRow */
  GStringChunk *text;      /* what the rows' strings point into */
} CwEntryRows;

int             cw_entry_row_compare          (gconstpointer       a,
                                               gconstpointer       b);
CwEntryRows    *cw_entry_rows_new             (void);
void            cw_entry_rows_free            (CwEntryRows        *rows);
gboolean        cw_store_read_entry_rows      (CwStore            *self,
                                               const char         *case_id,
                                               CwEntryRows        *rows,
                                               GError            **error);
GPtrArray      *cw_store_list_case_ids        (CwStore            *self,
                                               GError            **error);
gboolean        cw_store_begin_read           (CwStore            *self,
                                               gboolean           *started,
                                               GError            **error);
void            cw_store_end_read             (CwStore            *self,
                                               gboolean            started);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwEntryRows, cw_entry_rows_free)

G_END_DECLS

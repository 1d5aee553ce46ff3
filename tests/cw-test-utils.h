/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-casefile-import.h"
#include "cw-casefile-writer.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* What the core tests share: a directory and a store of their own, the
 * sample casefiles, and the casework-cli binary. The helpers assert that
 * what they do worked, so that a test can stay about what it tests; only
 * cw_test_export() hands its error back, for tests of what fails. */

/* Fixed, so that two exports of the same data are the same bytes. */
#define CW_TEST_EXPORTED  "2025-01-01T00:00:00Z"
#define CW_TEST_GENERATOR "casework-tests"
#define CW_TEST_WRITE_OPTIONS(scope) { (scope), CW_TEST_GENERATOR, CW_TEST_EXPORTED, NULL }

/* A temporary directory is its path; freeing it removes everything in it. */
typedef char CwTestTmpDir;

CwTestTmpDir    *cw_test_tmp_dir_new        (const char         *tmpl);
void             cw_test_tmp_dir_free       (CwTestTmpDir       *dir);
void             cw_test_remove_tree        (const char         *path);
char            *cw_test_write_file         (const char         *dir,
                                             const char         *name,
                                             const char         *contents);

/* The fixture of tests that want a store of their own and nothing more:
 * "casework.db" in a temporary directory. */
typedef struct {
  char *dir;
  CwStore *store;
} CwTestStoreFixture;

void             cw_test_store_fixture_setup    (CwTestStoreFixture *f,
                                                 gconstpointer       data);
void             cw_test_store_fixture_teardown (CwTestStoreFixture *f,
                                                 gconstpointer       data);

CwStore         *cw_test_open_store         (const char         *dir,
                                             const char         *name);
CwCase          *cw_test_save_new_case      (CwStore            *store,
                                             const char         *title);
guint            cw_test_count_entries      (CwStore            *store,
                                             const char         *case_id);
void             cw_test_set_schema_version (const char         *path,
                                             int                 version);

char            *cw_test_sample_path        (const char         *name);
char            *cw_test_sample_text        (const char         *name);
char            *cw_test_casefile_path      (const char         *name);
GBytes          *cw_test_load_bytes         (const char         *path);

CwImportSummary *cw_test_import_bytes       (CwStore            *store,
                                             GBytes             *bytes,
                                             const char         *name);
CwImportSummary *cw_test_import_file        (CwStore            *store,
                                             const char         *path);
CwImportSummary *cw_test_import_fixture     (CwStore            *store,
                                             const char         *name);
void             cw_test_import_sample      (CwStore            *store,
                                             const char         *name);

char            *cw_test_export             (CwStore            *store,
                                             const char * const *ids,
                                             CwCasefileScope     scope,
                                             gsize              *len,
                                             GError            **error);
char            *cw_test_export_ok          (CwStore            *store,
                                             const char * const *ids,
                                             CwCasefileScope     scope);

int              cw_test_run_cli            (const char * const *args,
                                             const char         *env_db,
                                             char              **out,
                                             char              **err);

/* Every "items-changed" a list model emits, and how often "n-items" was
 * notified, for tests of models that must change no more than they must. */
typedef struct {
  guint position;
  guint removed;
  guint added;
} CwTestChange;

typedef struct {
  GListModel *model;
  GArray *changes;          /* CwTestChange */
  guint n_items_notified;
} CwTestWatcher;

CwTestWatcher   *cw_test_watcher_new        (GListModel         *model);
void             cw_test_watcher_free       (CwTestWatcher      *watcher);
void             cw_test_assert_one_change  (CwTestWatcher      *watcher,
                                             guint               position,
                                             guint               removed,
                                             guint               added);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTestTmpDir, cw_test_tmp_dir_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTestWatcher, cw_test_watcher_free)

G_END_DECLS

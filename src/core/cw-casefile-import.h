/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-casefile-reader.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* What an import did, or would do. */
typedef struct {
  GPtrArray *cases_added;      /* titles */
  GPtrArray *cases_updated;    /* titles */
  GPtrArray *cases_unchanged;  /* titles: already here, as the document has them */
  GPtrArray *case_ids;         /* every case imported, in document order */
  GPtrArray *warnings;         /* what the documents held that was left out,
                                * as "FILE:LINE: message" */
  guint entries_added;
  guint entries_updated;
  guint entries_unchanged;
} CwImportSummary;

CwImportSummary *cw_import_summary_new       (void);
void             cw_import_summary_free      (CwImportSummary  *self);

/* Called after each case, from the thread that imports. */
typedef void (*CwImportProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

gboolean         cw_store_import_casefiles   (CwStore          *store,
                                              GPtrArray        *casefiles,
                                              gboolean          dry_run,
                                              CwImportSummary  *summary,
                                              CwImportProgress  progress,
                                              gpointer          progress_data,
                                              GError          **error);
gboolean         cw_store_import_files       (CwStore          *store,
                                              GPtrArray        *files,
                                              gboolean          dry_run,
                                              CwImportSummary  *summary,
                                              GPtrArray        *casefiles,
                                              CwImportProgress  progress,
                                              gpointer          progress_data,
                                              GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwImportSummary, cw_import_summary_free)

G_END_DECLS

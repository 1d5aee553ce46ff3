/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-report.h"
#include "cw-store.h"

G_BEGIN_DECLS

/* A database for the yearly report tests, made from the casefiles in
 * tests/casefiles/ in a temporary directory of its own. */

#define FIXTURE_ANA      "a1a1a1a1-0000-4000-8000-000000000001"  /* open all of 2025 */
#define FIXTURE_KOFI     "b2b2b2b2-0000-4000-8000-000000000002"  /* closed 14 June 2025 */
#define FIXTURE_LEYLA    "c3c3c3c3-0000-4000-8000-000000000003"  /* closed November 2024 */
#define FIXTURE_STUDENTS "d4d4d4d4-0000-4000-8000-000000000004"  /* no opening date; from September 2025 */
#define FIXTURE_RAFAEL   "e5e5e5e5-0000-4000-8000-000000000005"  /* opened February 2026 */
#define FIXTURE_HOSTILE  "f6f6f6f6-0000-4000-8000-000000000006"  /* text that tries to be markup */

#define FIXTURE_MADE     "2026-01-15"

typedef struct {
  char *dir;
  char *db_path;
  CwStore *store;
} ReportFixture;

void      report_fixture_set_up     (ReportFixture  *f,
                                     const char     *first_casefile,
                                     ...) G_GNUC_NULL_TERMINATED;
void      report_fixture_tear_down  (ReportFixture  *f);
void      report_fixture_import     (ReportFixture  *f,
                                     const char     *casefile);
void      report_fixture_set_group  (ReportFixture  *f,
                                     const char     *paper_size);
CwReport *report_fixture_build      (ReportFixture  *f,
                                     guint           year,
                                     const char * const *case_ids,
                                     gboolean        include_private);
char     *report_fixture_write      (CwReport       *report,
                                     CwReportFormat  format);
void      report_fixture_remove_tree (const char     *dir);

G_END_DECLS

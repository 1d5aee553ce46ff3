/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cw-store.h"

G_BEGIN_DECLS

/*
 * The yearly activity report for the country coordinator: what the group
 * did on each case in one year and what came of it. cw_report_build()
 * reads it from the store once; the writers turn the same report into
 * plain text, HTML, OpenDocument text (a package, or flat) or (through
 * CwReportDocument) printed pages and PDF. A built report never changes,
 * so it can be written from another thread.
 */

/* The activities of one kind, added up. */
typedef struct {
  char *kind;             /* an activity kind's nick: "letter", "petition", ... */
  guint times;            /* how many entries */
  gint64 count;           /* the sum of their counts */
  gboolean counted;       /* at least one of them had a count */
} CwReportTally;

typedef struct {
  CwCase *kase;           /* with its details */
  CwCaseStatus status;    /* at the end of the year */
  gboolean closed_in_year;
  gboolean opened_later;  /* picked for a year before it was opened */
  GPtrArray *holders;     /* char *, the casefile holders in the year */
  GPtrArray *entries;     /* CwEntry, the year's, oldest first */
  GArray *tallies;        /* CwReportTally, activities by kind, in the format's order */
  guint n_outcomes;
  guint n_updates;
  char *how_it_went;      /* the group's words, or "" */
  char *next_steps;
} CwReportCase;

typedef struct {
  guint year;
  gboolean include_private;
  char *made;             /* the date the report was made, YYYY-MM-DD */
  CwProfile *profile;
  GPtrArray *holders;     /* char *, every holder of a reported case in the year */
  GPtrArray *cases;       /* CwReportCase, in the order of their titles */
  GArray *totals;         /* CwReportTally over every case */
  guint n_outcomes;
  guint n_updates;
  guint n_entries;
  guint n_closed;         /* cases closed in the year */
} CwReport;

typedef enum {
  CW_REPORT_FORMAT_PDF,
  CW_REPORT_FORMAT_ODT,    /* an OpenDocument text package, .odt */
  CW_REPORT_FORMAT_FODT,   /* flat OpenDocument text: one XML file, .fodt */
  CW_REPORT_FORMAT_HTML,
  CW_REPORT_FORMAT_TEXT,
} CwReportFormat;

#define CW_TYPE_REPORT (cw_report_get_type ())

GType        cw_report_get_type            (void);

CwReport    *cw_report_build               (CwStore             *store,
                                            guint                year,
                                            const char * const  *case_ids,
                                            gboolean             include_private,
                                            GError             **error);
CwReport    *cw_report_build_full          (CwStore             *store,
                                            guint                year,
                                            const char * const  *case_ids,
                                            gboolean             include_private,
                                            GCancellable        *cancellable,
                                            GError             **error);
CwReport    *cw_report_build_from_path     (const char          *db_path,
                                            guint                year,
                                            const char * const  *case_ids,
                                            gboolean             include_private,
                                            GCancellable        *cancellable,
                                            GError             **error);
CwReport    *cw_report_ref                 (CwReport            *self);
void         cw_report_unref               (CwReport            *self);
void         cw_report_set_made            (CwReport            *self,
                                            const char          *date);

gboolean     cw_report_case_is_open_in     (CwCase              *kase,
                                            GPtrArray           *entries,
                                            guint                year);
GPtrArray   *cw_report_list_open_cases     (CwStore             *store,
                                            guint                year,
                                            gboolean             include_private,
                                            GError             **error);

char        *cw_report_title               (CwReport            *self);
char        *cw_report_file_name           (CwReport            *self,
                                            CwReportFormat       format);

gboolean     cw_report_write_text          (CwReport            *self,
                                            GOutputStream       *out,
                                            GError             **error);
gboolean     cw_report_write_html          (CwReport            *self,
                                            GOutputStream       *out,
                                            GError             **error);
gboolean     cw_report_write_odt           (CwReport            *self,
                                            GOutputStream       *out,
                                            GError             **error);
gboolean     cw_report_write_fodt          (CwReport            *self,
                                            GOutputStream       *out,
                                            GError             **error);
gboolean     cw_report_write_pdf           (CwReport            *self,
                                            GOutputStream       *out,
                                            GError             **error);
gboolean     cw_report_write               (CwReport            *self,
                                            CwReportFormat       format,
                                            GOutputStream       *out,
                                            GError             **error);
gboolean     cw_report_write_to_file       (CwReport            *self,
                                            CwReportFormat       format,
                                            GFile               *file,
                                            GError             **error);

gboolean     cw_report_format_from_name    (const char          *name,
                                            CwReportFormat      *format);
gboolean     cw_report_format_from_file_name (const char        *file_name,
                                              CwReportFormat    *format);
const char  *cw_report_format_extension    (CwReportFormat       format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReport, cw_report_unref)

G_END_DECLS

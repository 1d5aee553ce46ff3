/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cw-report.h"

G_BEGIN_DECLS

/*
 * What every format of the report shows, in order, as a list of blocks:
 * the writers differ only in how they draw a block. Every string in a
 * block is plain text, case text included; a writer escapes it for its
 * format.
 */

typedef enum {
  CW_REPORT_BLOCK_TITLE,       /* the report's title */
  CW_REPORT_BLOCK_FIELD,       /* label: text */
  CW_REPORT_BLOCK_SECTION,     /* a part of the report: the totals, or a case */
  CW_REPORT_BLOCK_HEADING,     /* a part of a case: "Activities", "Outcomes", ... */
  CW_REPORT_BLOCK_ITEM,        /* label (a date) and text, details beneath */
  CW_REPORT_BLOCK_PARAGRAPHS,  /* the group's words: paragraphs split by a blank line */
  CW_REPORT_BLOCK_NOTE,        /* a remark: "None recorded." */
  CW_REPORT_BLOCK_TABLE,       /* rows of cells; the first row is the header */
} CwReportBlockKind;

typedef struct {
  CwReportBlockKind kind;
  char *label;
  char *text;
  char *detail;
  GPtrArray *rows;             /* GStrv, TABLE only */
  guint numeric;               /* bit n set: column n holds numbers */
} CwReportBlock;

/* cw-report-outline.c */
guint        cw_report_outline_n_parts     (CwReport         *report);
GPtrArray   *cw_report_outline_part        (CwReport         *report,
                                            guint             part);
gboolean     cw_report_block_is_numeric    (const CwReportBlock *block,
                                            guint             column);

/* cw-report-words.c */
const char  *cw_report_activity_label      (const char       *kind);
const char  *cw_report_kind_label          (CwEntryCategory   category,
                                            const char       *kind);
char        *cw_report_status_text         (CwReportCase     *rc);
char        *cw_report_count_text          (gint64            count);
char        *cw_report_date_text           (const char       *iso);
GStrv        cw_report_split_paragraphs    (const char       *text);
char        *cw_report_clean_text          (const char       *text);

/* cw-report-output.c */
gboolean     cw_report_write_string        (GOutputStream    *out,
                                            GString          *text,
                                            GError          **error);

G_END_DECLS

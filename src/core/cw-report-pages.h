/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "cw-report.h"

G_BEGIN_DECLS

/*
 * The report laid out on pages: each page's text as runs of lines of
 * Pango layouts measured once, and rules, at fixed places in points.
 * CwReportDocument draws them; cw-report-pages.c decides where they go.
 */

/* The frame of every page, in points. */
#define CW_REPORT_MARGIN_SIDE    56.7   /* 2 cm */
#define CW_REPORT_HEADER_TOP     34.0   /* the top of the header's line */
#define CW_REPORT_BODY_TOP       72.0
#define CW_REPORT_BODY_BOTTOM    68.0   /* from the bottom edge */
#define CW_REPORT_FOOTER_BOTTOM  34.0   /* from the bottom edge to the footer's last line */

typedef enum {
  CW_REPORT_PIECE_TEXT,
  CW_REPORT_PIECE_RULE,
} CwReportPieceKind;

/* A cell of a table row drawn on its own: the one line of @layout, @x
 * from the row's left, in Pango units. */
typedef struct {
  PangoLayout *layout;
  int x;
} CwReportCell;

typedef struct {
  CwReportPieceKind kind;
  guint page;
  double x;
  double y;                 /* TEXT: the top of the first line; RULE: the line's centre */
  guint32 color;            /* 0xRRGGBB */
  PangoLayout *layout;      /* TEXT */
  int first_line;           /* TEXT: the lines drawn here */
  int n_lines;
  double width;             /* RULE */
  double thickness;         /* RULE */
  CwReportCell *cells;      /* TEXT: a one-line table row, drawn cell by cell, */
  guint n_cells;            /*   instead of layout's lines */
  int baseline;             /*   from the row's top, in Pango units */
} CwReportPiece;

GArray        *cw_report_lay_out       (CwReport     *report,
                                        PangoContext *context,
                                        double        page_width,
                                        double        page_height,
                                        guint        *n_pages);
PangoContext  *cw_report_print_context (PangoContext *context);
PangoLayout   *cw_report_new_layout    (PangoContext *context,
                                        const char   *text,
                                        double        size,
                                        PangoWeight   weight,
                                        PangoStyle    style,
                                        double        width);

G_END_DECLS

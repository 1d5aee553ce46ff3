/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>

#include "cw-report-document.h"
#include "cw-report-pages.h"

/*
 * The yearly report as a CwDocument. paginate() measures everything once
 * (cw-report-pages.c); draw_page() only draws what was measured, under a
 * header with the group and the year and over a footer with the date the
 * report was made and "Page N of M".
 */

#define SIZE_FRAME 8.0
#define COLOR_FRAME 0x5e5c64

struct _CwReportDocument
{
  GObject parent_instance;

  CwReport *report;
  PangoContext *context;    /* the one the pages were measured with */
  GArray *pieces;           /* CwReportPiece, page by page */
  GArray *page_starts;      /* guint: each page's first piece, and the end */
  double page_width;
  double page_height;
  guint n_pages;
};

static void cw_report_document_iface_init (CwDocumentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CwReportDocument, cw_report_document, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (CW_TYPE_DOCUMENT,
                                                      cw_report_document_iface_init))

static void
index_pages (CwReportDocument *self)
{
  guint page = 0;

  g_clear_pointer (&self->page_starts, g_array_unref);
  self->page_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_pages + 1);

  for (guint i = 0; i < self->pieces->len; i++)
    while (page <= g_array_index (self->pieces, CwReportPiece, i).page)
      {
        g_array_append_val (self->page_starts, i);
        page++;
      }
  for (guint end = self->pieces->len; page <= self->n_pages; page++)
    g_array_append_val (self->page_starts, end);
}

static guint
cw_report_document_paginate (CwDocument   *document,
                             PangoContext *context,
                             double        page_width,
                             double        page_height)
{
  CwReportDocument *self = CW_REPORT_DOCUMENT (document);

  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_object (&self->context);

  self->context = cw_report_print_context (context);
  self->page_width = page_width;
  self->page_height = page_height;
  self->pieces = cw_report_lay_out (self->report, self->context, page_width, page_height,
                                    &self->n_pages);
  index_pages (self);
  return self->n_pages;
}

static void
set_color (cairo_t *cr,
           guint32  color)
{
  cairo_set_source_rgb (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                        (color & 0xff) / 255.0);
}

static void
draw_text (cairo_t             *cr,
           const CwReportPiece *piece)
{
  PangoLayoutIter *iter = pango_layout_get_iter (piece->layout);
  int top = 0;

  set_color (cr, piece->color);
  for (int line = 0; line < piece->first_line + piece->n_lines; line++)
    {
      if (line >= piece->first_line)
        {
          PangoRectangle logical;
          int y0;

          pango_layout_iter_get_line_yrange (iter, &y0, NULL);
          if (line == piece->first_line)
            top = y0;
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, piece->x + (double) logical.x / PANGO_SCALE,
                         piece->y + (double) (pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);
}

static void
draw_rule (cairo_t     *cr,
           double       x,
           double       y,
           double       width,
           double       thickness,
           guint32      color)
{
  set_color (cr, color);
  cairo_set_line_width (cr, thickness);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

/* One line of the header or footer: @left at the margin, @right against
 * the other; @top is where the line's top goes. */
static void
draw_frame_line (CwReportDocument *self,
                 cairo_t          *cr,
                 const char       *left,
                 const char       *right,
                 double            top)
{
  double width = self->page_width - 2 * CW_REPORT_MARGIN_SIDE;
  g_autoptr(PangoLayout) l = cw_report_new_layout (self->context, left, SIZE_FRAME,
                                                   PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
  g_autoptr(PangoLayout) r = cw_report_new_layout (self->context, right, SIZE_FRAME,
                                                   PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, -1);
  PangoRectangle extents;

  pango_layout_get_extents (r, NULL, &extents);
  /* The group's name gives way to the right-hand text. */
  pango_layout_set_width (l, (int) ((width - (double) extents.width / PANGO_SCALE - 18) * PANGO_SCALE));
  pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);

  set_color (cr, COLOR_FRAME);
  cairo_move_to (cr, CW_REPORT_MARGIN_SIDE, top);
  pango_cairo_show_layout (cr, l);
  cairo_move_to (cr, self->page_width - CW_REPORT_MARGIN_SIDE - (double) extents.width / PANGO_SCALE,
                 top);
  pango_cairo_show_layout (cr, r);
}

static void
draw_frame (CwReportDocument *self,
            cairo_t          *cr,
            guint             page)
{
  g_autofree char *title = cw_report_title (self->report);
  g_autofree char *made = cw_date_iso_format_display (self->report->made);
  g_autofree char *made_text = g_strdup_printf (_("Made on %s"), made);
  /* Translators: the footer of a page of a report */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  double width = self->page_width - 2 * CW_REPORT_MARGIN_SIDE;
  double footer_top = self->page_height - CW_REPORT_FOOTER_BOTTOM - SIZE_FRAME * 1.25;
  const char *group = self->report->profile->name;

  draw_frame_line (self, cr, group != NULL && *group != '\0' ? group : title,
                   group != NULL && *group != '\0' ? title : "", CW_REPORT_HEADER_TOP);
  draw_rule (cr, CW_REPORT_MARGIN_SIDE, CW_REPORT_HEADER_TOP + SIZE_FRAME * 1.25 + 5, width,
             0.5, COLOR_FRAME);
  draw_rule (cr, CW_REPORT_MARGIN_SIDE, footer_top - 5, width, 0.5, COLOR_FRAME);
  draw_frame_line (self, cr, made_text, page_text, footer_top);
}

static void
cw_report_document_draw_page (CwDocument *document,
                              cairo_t    *cr,
                              guint       page)
{
  CwReportDocument *self = CW_REPORT_DOCUMENT (document);

  g_return_if_fail (self->pieces != NULL);
  g_return_if_fail (page < self->n_pages);

  draw_frame (self, cr, page);
  for (guint i = g_array_index (self->page_starts, guint, page);
       i < g_array_index (self->page_starts, guint, page + 1); i++)
    {
      const CwReportPiece *piece = &g_array_index (self->pieces, CwReportPiece, i);

      if (piece->kind == CW_REPORT_PIECE_TEXT)
        draw_text (cr, piece);
      else
        draw_rule (cr, piece->x, piece->y, piece->width, piece->thickness, piece->color);
    }
}

static void
cw_report_document_iface_init (CwDocumentInterface *iface)
{
  iface->paginate = cw_report_document_paginate;
  iface->draw_page = cw_report_document_draw_page;
}

static void
cw_report_document_finalize (GObject *object)
{
  CwReportDocument *self = CW_REPORT_DOCUMENT (object);

  g_clear_pointer (&self->report, cw_report_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cw_report_document_parent_class)->finalize (object);
}

static void
cw_report_document_class_init (CwReportDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cw_report_document_finalize;
}

static void
cw_report_document_init (CwReportDocument *self)
{
}

CwReportDocument *
cw_report_document_new (CwReport *report)
{
  CwReportDocument *self;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (CW_TYPE_REPORT_DOCUMENT, NULL);
  self->report = cw_report_ref (report);
  return self;
}

CwReport *
cw_report_document_get_report (CwReportDocument *self)
{
  g_return_val_if_fail (CW_IS_REPORT_DOCUMENT (self), NULL);
  return self->report;
}

/* How many pages the last pagination gave, or 0 before any. */
guint
cw_report_document_get_n_pages (CwReportDocument *self)
{
  g_return_val_if_fail (CW_IS_REPORT_DOCUMENT (self), 0);
  return self->pieces != NULL ? self->n_pages : 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report"

#include <glib/gi18n-lib.h>
#include <string.h>

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
  /* the same on every page, laid out once for the context */
  PangoLayout *header_left;
  PangoLayout *header_right;
  PangoLayout *footer_left;
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
  g_clear_object (&self->header_left);
  g_clear_object (&self->header_right);
  g_clear_object (&self->footer_left);
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

/* Glyphs gathered from consecutive table rows of one font and one
 * colour, for one cairo_show_text_glyphs(): what a PDF costs goes by the
 * operation as much as by the glyph. */
typedef struct {
  cairo_scaled_font_t *font;
  guint32 color;
  GArray *glyphs;           /* cairo_glyph_t */
  GArray *clusters;         /* cairo_text_cluster_t */
  GString *text;
} GlyphBatch;

static void
glyph_batch_init (GlyphBatch *batch)
{
  batch->font = NULL;
  batch->color = 0;
  batch->glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), 4096);
  batch->clusters = g_array_sized_new (FALSE, FALSE, sizeof (cairo_text_cluster_t), 4096);
  batch->text = g_string_sized_new (4096);
}

static void
glyph_batch_flush (GlyphBatch *batch,
                   cairo_t    *cr)
{
  if (batch->glyphs->len > 0)
    {
      set_color (cr, batch->color);
      cairo_save (cr);
      cairo_set_scaled_font (cr, batch->font);
      cairo_show_text_glyphs (cr, batch->text->str, (int) batch->text->len,
                              (cairo_glyph_t *) (gpointer) batch->glyphs->data, (int) batch->glyphs->len,
                              (cairo_text_cluster_t *) (gpointer) batch->clusters->data,
                              (int) batch->clusters->len, 0);
      cairo_restore (cr);
    }
  g_array_set_size (batch->glyphs, 0);
  g_array_set_size (batch->clusters, 0);
  g_string_truncate (batch->text, 0);
  batch->font = NULL;
}

static void
glyph_batch_clear (GlyphBatch *batch)
{
  g_array_unref (batch->glyphs);
  g_array_unref (batch->clusters);
  g_string_free (batch->text, TRUE);
}

/* Adds a one-line row's cells to @batch as pango_cairo_show_layout_line()
 * would draw them, the same glyphs at the same places with the same text,
 * first drawing what @batch holds if the row's font or colour differs.
 * Returns FALSE, having added nothing, unless the cells are plain runs of
 * one font. */
static gboolean
gather_row_glyphs (GlyphBatch          *batch,
                   cairo_t             *cr,
                   const CwReportPiece *piece)
{
  PangoFont *font = NULL;
  cairo_scaled_font_t *scaled_font;
  double y = piece->y + (double) piece->baseline / PANGO_SCALE;

  for (guint i = 0; i < piece->n_cells; i++)
    for (GSList *l = pango_layout_get_line_readonly (piece->cells[i].layout, 0)->runs; l != NULL;
         l = l->next)
      {
        PangoGlyphItem *run = l->data;

        if (font == NULL)
          font = run->item->analysis.font;
        if (run->item->analysis.font != font || run->item->analysis.extra_attrs != NULL
            || (run->item->analysis.level & 1) != 0 || run->y_offset != 0
            || run->start_x_offset != 0 || run->end_x_offset != 0)
          return FALSE;
        for (int g = 0; g < run->glyphs->num_glyphs; g++)
          if ((run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0
              || run->glyphs->glyphs[g].glyph == PANGO_GLYPH_EMPTY)
            return FALSE;
      }
  if (font == NULL || !PANGO_IS_CAIRO_FONT (font))
    return FALSE;
  scaled_font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  if (scaled_font == NULL || cairo_scaled_font_status (scaled_font) != CAIRO_STATUS_SUCCESS)
    return FALSE;

  if (batch->font != scaled_font || batch->color != piece->color)
    glyph_batch_flush (batch, cr);
  batch->font = scaled_font;
  batch->color = piece->color;

  for (guint i = 0; i < piece->n_cells; i++)
    {
      PangoLayout *layout = piece->cells[i].layout;
      const char *layout_text = pango_layout_get_text (layout);
      double cell_x, cell_y;
      int x = 0;

      /* where pango_cairo_show_layout_line() would start: the current
       * point, which cairo keeps in fixed point */
      cairo_move_to (cr, piece->x + (double) piece->cells[i].x / PANGO_SCALE, y);
      cairo_get_current_point (cr, &cell_x, &cell_y);

      for (GSList *l = pango_layout_get_line_readonly (layout, 0)->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          PangoGlyphItemIter iter;
          double base_x = cell_x + (double) x / PANGO_SCALE;
          int x_position = 0;

          for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, layout_text); more;
               more = pango_glyph_item_iter_next_cluster (&iter))
            {
              cairo_text_cluster_t cluster = {
                .num_bytes = iter.end_index - iter.start_index,
                .num_glyphs = iter.end_glyph - iter.start_glyph,
              };

              g_array_append_val (batch->clusters, cluster);
            }
          for (int g = 0; g < run->glyphs->num_glyphs; g++)
            {
              PangoGlyphInfo *info = &run->glyphs->glyphs[g];
              cairo_glyph_t glyph = {
                .index = info->glyph,
                .x = base_x + (double) (x_position + info->geometry.x_offset) / PANGO_SCALE,
                .y = info->geometry.y_offset == 0
                     ? cell_y : cell_y + (double) info->geometry.y_offset / PANGO_SCALE,
              };

              g_array_append_val (batch->glyphs, glyph);
              x_position += info->geometry.width;
            }
          g_string_append_len (batch->text, layout_text + run->item->offset, run->item->length);
          x += x_position;
        }
    }
  cairo_new_path (cr);
  return TRUE;
}

static void
draw_text (cairo_t             *cr,
           GlyphBatch          *batch,
           const CwReportPiece *piece)
{
  PangoLayoutIter *iter;
  int top = 0;

  if (piece->cells != NULL && gather_row_glyphs (batch, cr, piece))
    return;

  glyph_batch_flush (batch, cr);
  set_color (cr, piece->color);
  if (piece->cells != NULL)
    {
      double y = piece->y + (double) piece->baseline / PANGO_SCALE;

      for (guint i = 0; i < piece->n_cells; i++)
        {
          cairo_move_to (cr, piece->x + (double) piece->cells[i].x / PANGO_SCALE, y);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (piece->cells[i].layout, 0));
        }
      return;
    }

  iter = pango_layout_get_iter (piece->layout);
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

static PangoLayout *
frame_layout (CwReportDocument *self,
              const char       *text)
{
  return cw_report_new_layout (self->context, text, SIZE_FRAME, PANGO_WEIGHT_NORMAL,
                               PANGO_STYLE_NORMAL, -1);
}

/* One line of the header or footer: @l at the margin, @r against the
 * other; @top is where the line's top goes. */
static void
draw_frame_line (CwReportDocument *self,
                 cairo_t          *cr,
                 PangoLayout      *l,
                 PangoLayout      *r,
                 double            top)
{
  double width = self->page_width - 2 * CW_REPORT_MARGIN_SIDE;
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
  /* Translators: the footer of a page of a report */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  g_autoptr(PangoLayout) page_layout = frame_layout (self, page_text);
  double width = self->page_width - 2 * CW_REPORT_MARGIN_SIDE;
  double footer_top = self->page_height - CW_REPORT_FOOTER_BOTTOM - SIZE_FRAME * 1.25;

  if (self->header_left == NULL)
    {
      g_autofree char *title = cw_report_title (self->report);
      g_autofree char *made = cw_date_iso_format_display (self->report->made);
      g_autofree char *made_text = g_strdup_printf (_("Made on %s"), made);
      const char *group = self->report->profile->name;

      self->header_left = frame_layout (self, group != NULL && *group != '\0' ? group : title);
      self->header_right = frame_layout (self, group != NULL && *group != '\0' ? title : "");
      self->footer_left = frame_layout (self, made_text);
    }

  draw_frame_line (self, cr, self->header_left, self->header_right, CW_REPORT_HEADER_TOP);
  draw_rule (cr, CW_REPORT_MARGIN_SIDE, CW_REPORT_HEADER_TOP + SIZE_FRAME * 1.25 + 5, width,
             0.5, COLOR_FRAME);
  draw_rule (cr, CW_REPORT_MARGIN_SIDE, footer_top - 5, width, 0.5, COLOR_FRAME);
  draw_frame_line (self, cr, self->footer_left, page_layout, footer_top);
}

static void
cw_report_document_draw_page (CwDocument *document,
                              cairo_t    *cr,
                              guint       page)
{
  CwReportDocument *self = CW_REPORT_DOCUMENT (document);
  GlyphBatch batch;

  g_return_if_fail (self->pieces != NULL);
  g_return_if_fail (page < self->n_pages);

  draw_frame (self, cr, page);
  glyph_batch_init (&batch);
  for (guint i = g_array_index (self->page_starts, guint, page);
       i < g_array_index (self->page_starts, guint, page + 1); i++)
    {
      const CwReportPiece *piece = &g_array_index (self->pieces, CwReportPiece, i);

      if (piece->kind == CW_REPORT_PIECE_TEXT)
        {
          draw_text (cr, &batch, piece);
        }
      else
        {
          glyph_batch_flush (&batch, cr);
          draw_rule (cr, piece->x, piece->y, piece->width, piece->thickness, piece->color);
        }
    }
  glyph_batch_flush (&batch, cr);
  glyph_batch_clear (&batch);
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
  g_clear_object (&self->header_left);
  g_clear_object (&self->header_right);
  g_clear_object (&self->footer_left);
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

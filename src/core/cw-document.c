/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-document"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "cw-document.h"

G_DEFINE_INTERFACE (CwDocument, cw_document, G_TYPE_OBJECT)

static void
cw_document_default_init (CwDocumentInterface *iface)
{
}

guint
cw_document_paginate (CwDocument   *self,
                      PangoContext *context,
                      double        page_width,
                      double        page_height)
{
  g_return_val_if_fail (CW_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  return CW_DOCUMENT_GET_IFACE (self)->paginate (self, context, page_width, page_height);
}

void
cw_document_draw_page (CwDocument *self,
                       cairo_t    *cr,
                       guint       page)
{
  g_return_if_fail (CW_IS_DOCUMENT (self));
  g_return_if_fail (cr != NULL);

  CW_DOCUMENT_GET_IFACE (self)->draw_page (self, cr, page);
}

void
cw_paper_size_points (const char *paper_size,
                      double     *width,
                      double     *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  if (g_strcmp0 (paper_size, "letter") == 0)
    {
      *width = 612;     /* 8.5 × 11 in */
      *height = 792;
    }
  else
    {
      *width = 595.28;  /* 210 × 297 mm */
      *height = 841.89;
    }
}

typedef struct {
  GOutputStream *out;
  GError *error;
} PdfSink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  PdfSink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->out, data, length, NULL, NULL, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * cw_document_write_pdf:
 * @paper_size: "a4" or "letter"
 * @title: the PDF's title, which viewers show in place of its file name
 * @out: where the PDF goes; it is not closed
 *
 * Lays the document out and writes every page to a PDF.
 */
gboolean
cw_document_write_pdf (CwDocument     *self,
                       const char     *paper_size,
                       const char     *title,
                       GOutputStream  *out,
                       GError        **error)
{
  PdfSink sink = { out, NULL };
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  cairo_status_t status;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (CW_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  cw_paper_size_points (paper_size, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, &sink, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Casework");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  /* Positions on paper, not on a pixel grid. */
  pango_context_set_round_glyph_positions (context, FALSE);

  n_pages = cw_document_paginate (self, context, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      cairo_save (cr);
      cw_document_draw_page (self, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (sink.error != NULL)
    {
      g_propagate_prefixed_error (error, sink.error, _("Could not write the PDF: "));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

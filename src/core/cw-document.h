/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/*
 * A paginated document — a yearly report, a meeting pack — drawn page by
 * page with Pango on a cairo_t. The command line writes it to PDF with
 * cw_document_write_pdf(); the window hands the same two functions to a
 * GtkPrintOperation, so what is printed is what the PDF shows.
 *
 * Sizes are in points (1/72 inch), the unit of cairo's PDF surface.
 */

#define CW_TYPE_DOCUMENT (cw_document_get_type ())

G_DECLARE_INTERFACE (CwDocument, cw_document, CW, DOCUMENT, GObject)

struct _CwDocumentInterface
{
  GTypeInterface parent_iface;

  /* Lays the document out on pages of this size; returns how many. */
  guint (*paginate)  (CwDocument   *self,
                      PangoContext *context,
                      double        page_width,
                      double        page_height);
  /* Draws one page; paginate() has been called with the same context. */
  void  (*draw_page) (CwDocument   *self,
                      cairo_t      *cr,
                      guint         page);
};

guint    cw_document_paginate   (CwDocument    *self,
                                 PangoContext  *context,
                                 double         page_width,
                                 double         page_height);
void     cw_document_draw_page  (CwDocument    *self,
                                 cairo_t       *cr,
                                 guint          page);

/* "a4" or "letter", as the group's profile stores it */
void     cw_paper_size_points   (const char    *paper_size,
                                 double        *width,
                                 double        *height);

gboolean cw_document_write_pdf  (CwDocument    *self,
                                 const char    *paper_size,
                                 const char    *title,
                                 GOutputStream *out,
                                 GError       **error);

G_END_DECLS

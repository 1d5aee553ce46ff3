/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-print"

#include <glib/gi18n.h>

#include "cw-print.h"

/* Printing a core document through the system print dialog: the same
 * pagination and drawing the PDF export uses. */

typedef struct {
  CwDocument *document;
  CwPrintDone done;
  gpointer user_data;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->document);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  guint n_pages;

  n_pages = cw_document_paginate (job->document, pango,
                                  gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
  g_object_unref (pango);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cw_document_draw_page (job->document, gtk_print_context_get_cairo_context (context), page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintJob                *job)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error != NULL ? error->message : "unknown error");
    }
  if (job->done != NULL)
    job->done (result, job->user_data);
}

static GtkPageSetup *
page_setup_for (const char *paper_size)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (g_strcmp0 (paper_size, "letter") == 0
                                                      ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  /* The document draws its own margins, as in the PDF. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  return setup;
}

/**
 * cw_print_document:
 * @paper_size: "a4" or "letter", from the group's profile
 * @preview: show the print preview rather than the print dialog
 * @done: (nullable): told how it ended
 *
 * Prints @document through the system print dialog (or the print portal).
 */
void
cw_print_document (GtkWindow   *parent,
                   CwDocument  *document,
                   const char  *paper_size,
                   const char  *job_name,
                   gboolean     preview,
                   CwPrintDone  done,
                   gpointer     user_data)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for (paper_size);
  g_autoptr(GError) error = NULL;
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_if_fail (CW_IS_DOCUMENT (document));

  job->document = g_object_ref (document);
  job->done = done;
  job->user_data = user_data;
  g_object_set_data_full (G_OBJECT (operation), "cw-print-job", job, print_job_free);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), job);
  gtk_print_operation_set_allow_async (operation, TRUE);

  if (gtk_print_operation_run (operation,
                               preview ? GTK_PRINT_OPERATION_ACTION_PREVIEW
                                       : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Could not print: %s", error->message);
}

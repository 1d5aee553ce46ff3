/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report-dialog"

#include <glib/gi18n.h>

#include "cw-background.h"
#include "cw-report-dialog-private.h"

/*
 * The preview of the report window: the very pages the PDF and the
 * printer get. With a thousand cases, reading the report and laying it
 * out take seconds, so both happen in a thread, and the window goes on
 * answering meanwhile:
 *
 * - the thread reads the database over a read-only connection of its own
 *   (cw_report_build_from_path()): neither the window's CwStore nor an
 *   SQLite connection may be used from two threads. The group's words are
 *   saved before a build is asked for, so it reads them;
 * - it lays the pages out with a Pango font map of its own, which then
 *   goes with the finished document to the main thread and is only ever
 *   used there (Pango's default font map is per thread, and a pool thread
 *   would use it again for the next build while the main thread draws);
 * - a newer request cancels the build before it: the newest wins, and what
 *   a superseded build makes is dropped unseen;
 * - the main thread only draws the finished document, and print and save
 *   wait for it (cw_report_dialog_run_when_ready()).
 */

#define PAGE_MARGIN 16.0            /* pixels around the previewed sheet */
#define PREPARING_DELAY_MS 200      /* a quick build shows no spinner */

/* Building, in a thread */

typedef struct {
  char *db_path;
  guint year;
  GStrv case_ids;
  gboolean include_private;
} BuildJob;

static void
build_job_free (BuildJob *job)
{
  g_free (job->db_path);
  g_strfreev (job->case_ids);
  g_free (job);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BuildJob *job = task_data;
  g_autoptr(CwReport) report = NULL;
  g_autoptr(CwReportDocument) document = NULL;
  PangoFontMap *font_map;
  PangoContext *context;
  GError *error = NULL;
  double width, height;

  report = cw_report_build_from_path (job->db_path, job->year,
                                      (const char * const *) job->case_ids,
                                      job->include_private, cancellable, &error);
  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  /* Laid out as the PDF is, whatever the screen. */
  document = cw_report_document_new (report);
  font_map = pango_cairo_font_map_new ();
  context = pango_font_map_create_context (font_map);
  cw_paper_size_points (report->profile->paper_size, &width, &height);
  cw_document_paginate (CW_DOCUMENT (document), context, width, height);
  g_object_unref (context);
  g_object_unref (font_map);

  /* Superseded meanwhile: dropped here rather than on the main thread. */
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);
}

static void
set_preparing (CwReportDialog *self,
               gboolean        preparing)
{
  g_clear_handle_id (&self->preparing_source, g_source_remove);
  gtk_widget_set_visible (self->preparing_box, preparing);
  gtk_spinner_set_spinning (self->preparing_spinner, preparing);
  /* The pages shown are of the report before the change. */
  gtk_widget_set_opacity (GTK_WIDGET (self->preview), preparing ? 0.45 : 1.0);
}

static gboolean
preparing_timeout_cb (gpointer user_data)
{
  CwReportDialog *self = user_data;

  self->preparing_source = 0;
  set_preparing (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
build_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CwReportDialog *self = CW_REPORT_DIALOG (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(CwReportDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded, or the window closed: a newer build, if any, shows. */
  if (cancellable != self->build_cancellable)
    {
      cw_unref_in_thread (g_steal_pointer (&document));
      return;
    }
  g_clear_object (&self->build_cancellable);
  set_preparing (self, FALSE);

  if (document == NULL)
    {
      self->when_ready = CW_REPORT_DIALOG_WHEN_READY_NOTHING;
      cw_report_dialog_show_toast (self, error->message);
      cw_report_dialog_update_actions (self);
      return;
    }

  g_clear_pointer (&self->report, cw_report_unref);
  cw_unref_in_thread (g_steal_pointer (&self->document));
  self->document = g_steal_pointer (&document);
  self->report = cw_report_ref (cw_report_document_get_report (self->document));
  self->n_pages = cw_report_document_get_n_pages (self->document);
  self->page = MIN (self->page, self->n_pages > 0 ? self->n_pages - 1 : 0);
  cw_report_dialog_show_page (self);

  /* A rebuild may have been queued meanwhile: print and save wait for it. */
  if (cw_report_dialog_is_up_to_date (self))
    cw_report_dialog_run_when_ready (self);
}

/**
 * cw_report_dialog_rebuild_now:
 *
 * Starts building the report as the window now asks for it, in a thread,
 * cancelling any build still running.
 */
void
cw_report_dialog_rebuild_now (CwReportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  BuildJob *job;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);

  job = g_new0 (BuildJob, 1);
  job->db_path = g_strdup (cw_store_get_path (self->store));
  job->year = cw_report_dialog_get_year (self);
  job->case_ids = cw_report_dialog_list_chosen (self);
  job->include_private = gtk_switch_get_active (self->private_switch);

  self->build_cancellable = g_cancellable_new ();
  self->n_builds++;
  if (self->preparing_source == 0 && !gtk_widget_get_visible (self->preparing_box))
    self->preparing_source = g_timeout_add (PREPARING_DELAY_MS, preparing_timeout_cb, self);
  cw_report_dialog_update_actions (self);

  /* The task holds the window until its callback, which drops the result
   * if the window was closed meanwhile. */
  task = g_task_new (self, self->build_cancellable, build_done_cb, NULL);
  g_task_set_source_tag (task, cw_report_dialog_rebuild_now);
  /* A superseded build's pages come back, to be freed in a thread. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, (GDestroyNotify) build_job_free);
  g_task_run_in_thread (task, build_thread);
}

/* Whether a build runs now. */
gboolean
cw_report_dialog_is_preparing (CwReportDialog *self)
{
  return self->build_cancellable != NULL;
}

/* Whether the report shown is the one the window asks for: built, and
 * nothing changed since that waits to be built or saved. */
gboolean
cw_report_dialog_is_up_to_date (CwReportDialog *self)
{
  return self->report != NULL && self->build_cancellable == NULL &&
         self->rebuild_source == 0 && self->save_source == 0;
}

/* Cancels the build running and lets the pages go, as the window goes. */
void
cw_report_dialog_stop_preview (CwReportDialog *self)
{
  g_clear_handle_id (&self->preparing_source, g_source_remove);
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  self->when_ready = CW_REPORT_DIALOG_WHEN_READY_NOTHING;
  g_clear_pointer (&self->report, cw_report_unref);
  cw_unref_in_thread (g_steal_pointer (&self->document));
  self->n_pages = 0;
}

CwReportDocument *
cw_report_dialog_get_document (CwReportDialog *self)
{
  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), NULL);
  return self->document;
}

guint
cw_report_dialog_get_n_pages (CwReportDialog *self)
{
  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), 0);
  return self->document != NULL ? self->n_pages : 0;
}

/* Drawing, on the main thread */

/* Draws the page as a sheet of paper centred in @width × @height pixels. */
static void
draw_sheet (CwReportDialog *self,
            cairo_t        *cr,
            guint           page,
            int             width,
            int             height)
{
  double paper_width, paper_height, scale, x, y;

  cw_paper_size_points (self->report->profile->paper_size, &paper_width, &paper_height);
  scale = MIN ((width - 2 * PAGE_MARGIN) / paper_width, (height - 2 * PAGE_MARGIN) / paper_height);
  if (scale <= 0)
    return;
  x = floor ((width - paper_width * scale) / 2);
  y = PAGE_MARGIN;

  cairo_rectangle (cr, x + 2, y + 3, paper_width * scale, paper_height * scale);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_fill (cr);
  cairo_rectangle (cr, x, y, paper_width * scale, paper_height * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke_preserve (cr);
  cairo_clip (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cw_document_draw_page (CW_DOCUMENT (self->document), cr, page);
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  CwReportDialog *self = user_data;

  if (self->document != NULL && self->n_pages > 0)
    draw_sheet (self, cr, self->page, width, height);
}

/**
 * cw_report_dialog_render_page:
 * @pixel_width: how wide the picture is; it is as high as the sheet needs
 *
 * Returns: (transfer full) (nullable): @page as the preview draws it
 */
GdkTexture *
cw_report_dialog_render_page (CwReportDialog *self,
                              guint           page,
                              int             pixel_width)
{
  double paper_width, paper_height;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  int pixel_height;

  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), NULL);

  if (self->document == NULL || page >= self->n_pages)
    return NULL;

  cw_paper_size_points (self->report->profile->paper_size, &paper_width, &paper_height);
  pixel_height = (int) ((pixel_width - 2 * PAGE_MARGIN) * paper_height / paper_width
                        + 2 * PAGE_MARGIN);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cr = cairo_create (surface);
  draw_sheet (self, cr, page, pixel_width, pixel_height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * pixel_height);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

void
cw_report_dialog_show_page (CwReportDialog *self)
{
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;

  if (self->n_pages > 0)
    label = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, label != NULL ? label : "");

  if (self->report != NULL)
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case, %u", "%u cases, %u",
                                            self->report->cases->len),
                               self->report->cases->len, self->report->year);
      adw_window_title_set_subtitle (self->window_title, title);
    }

  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  cw_report_dialog_update_actions (self);
}

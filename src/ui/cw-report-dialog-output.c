/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report-dialog"

#include <glib/gi18n.h>

#include "cw-print.h"
#include "cw-report-dialog-private.h"

/*
 * What the report window makes: the preview of the pages (the very
 * drawing the PDF and the printer get), printing through the system print
 * dialog, and saving in a format of the user's choice, in a thread.
 */

#define PAGE_MARGIN 16.0    /* pixels around the previewed sheet */

/* The report */

static GPtrArray *
chosen_ids (CwReportDialog *self)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (ids, g_ptr_array_index (self->case_ids, i));
  g_ptr_array_add (ids, NULL);
  return ids;
}

/* Lays the pages out as the PDF does, whatever the screen. */
static void
paginate (CwReportDialog *self)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  double width, height;

  cw_paper_size_points (self->report->profile->paper_size, &width, &height);
  self->n_pages = cw_document_paginate (CW_DOCUMENT (self->document), context, width, height);
  self->page = MIN (self->page, self->n_pages - 1);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

void
cw_report_dialog_rebuild_now (CwReportDialog *self)
{
  g_autoptr(GPtrArray) ids = chosen_ids (self);
  g_autoptr(GError) error = NULL;
  CwReport *report;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  report = cw_report_build (self->store, cw_report_dialog_get_year (self),
                            (const char * const *) ids->pdata,
                            gtk_switch_get_active (self->private_switch), &error);
  if (report == NULL)
    {
      cw_report_dialog_show_toast (self, error->message);
      return;
    }

  g_clear_pointer (&self->report, cw_report_unref);
  g_clear_object (&self->document);
  self->report = report;
  self->document = cw_report_document_new (report);
  paginate (self);
  cw_report_dialog_show_page (self);
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

/* The preview */

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
cw_report_dialog_update_actions (CwReportDialog *self)
{
  gboolean any = self->report != NULL && self->report->cases->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.next-page",
                                 self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", any);
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

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CwReportDialog *self = CW_REPORT_DIALOG (widget);

  if (self->page > 0)
    self->page--;
  cw_report_dialog_show_page (self);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CwReportDialog *self = CW_REPORT_DIALOG (widget);

  if (self->page + 1 < self->n_pages)
    self->page++;
  cw_report_dialog_show_page (self);
}

/* Printing: a document of its own, as the printer lays the pages out for
 * its paper, and the preview keeps the group's. */

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CwReportDialog *self = CW_REPORT_DIALOG (widget);
  g_autoptr(CwReportDocument) document = NULL;
  g_autofree char *title = NULL;

  if (self->report == NULL)
    return;

  document = cw_report_document_new (self->report);
  title = cw_report_title (self->report);
  cw_print_document (GTK_WINDOW (self), CW_DOCUMENT (document), self->report->profile->paper_size,
                     title, FALSE, NULL, NULL);
}

/* Saving */

typedef struct {
  CwReport *report;
  CwReportFormat format;
  GFile *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_pointer (&job->report, cw_report_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  if (cw_report_write_to_file (job->report, job->format, job->file, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  CwReportDialog *self = CW_REPORT_DIALOG (source);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);
  g_autofree char *message = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    message = g_strdup_printf (_("Saved “%s”"), name);
  else
    message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

  /* The window may have been closed while the file was written. */
  if (self->toast_overlay == NULL)
    {
      if (error != NULL)
        g_warning ("%s", message);
      return;
    }
  cw_report_dialog_show_toast (self, message);
}

/**
 * cw_report_dialog_save:
 *
 * Writes the report as it is previewed into @file, in @format.
 */
gboolean
cw_report_dialog_save (CwReportDialog  *self,
                       CwReportFormat   format,
                       GFile           *file,
                       GError         **error)
{
  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!cw_report_dialog_flush (self, error))
    return FALSE;
  cw_report_dialog_rebuild_now (self);
  return cw_store_check_output_file (self->store, file, error) &&
         cw_report_write_to_file (self->report, format, file, error);
}

static const struct {
  const char *id;
  const char *label;
} choices[] = {
  { "pdf", N_("PDF") },
  { "odt", N_("OpenDocument Text (.fodt)") },
  { "html", N_("Web Page (HTML)") },
  { "txt", N_("Plain Text, for an Email") },
};

static void
add_format_choice (GtkFileChooser *chooser)
{
  const char *ids[G_N_ELEMENTS (choices) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (choices) + 1] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      ids[i] = choices[i].id;
      labels[i] = _(choices[i].label);
    }
  gtk_file_chooser_add_choice (chooser, "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (chooser, "format", "pdf");
}

/* The format the file's name asks for, else the one chosen. */
static CwReportFormat
chosen_format (GtkFileChooser *chooser,
               GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *choice = gtk_file_chooser_get_choice (chooser, "format");
  CwReportFormat format = CW_REPORT_FORMAT_PDF;

  if (cw_report_format_from_file_name (name, &format))
    return format;
  if (choice != NULL)
    cw_report_format_from_name (choice, &format);
  return format;
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          CwReportDialog  *self)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  if (response == GTK_RESPONSE_ACCEPT && self->report != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!cw_store_check_output_file (self->store, file, &error))
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Report Was Not Saved"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
          g_object_unref (chooser);
          return;
        }

      job = g_new0 (SaveJob, 1);
      job->file = g_steal_pointer (&file);
      job->format = chosen_format (GTK_FILE_CHOOSER (chooser), job->file);
      job->report = cw_report_ref (self->report);

      task = g_task_new (self, NULL, save_done_cb, NULL);
      g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
      g_task_run_in_thread (task, save_thread);
    }
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CwReportDialog *self = CW_REPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  /* What is saved is what was typed, up to the last key. */
  if (!cw_report_dialog_flush (self, &error))
    cw_report_dialog_show_toast (self, error->message);
  cw_report_dialog_rebuild_now (self);
  if (self->report == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Yearly Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  name = cw_report_file_name (self->report, CW_REPORT_FORMAT_PDF);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_format_choice (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
cw_report_dialog_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "report.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "report.next-page", NULL, next_page_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "report.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "report.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
}

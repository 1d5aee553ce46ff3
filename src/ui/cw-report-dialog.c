/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report-dialog"

#include <glib/gi18n.h>

#include "cw-report-dialog-private.h"
#include "cw-tooltip.h"

/*
 * "Yearly report…": pick the year and the cases, write the group's words
 * on each case (saved as they are typed), see the pages, then print them
 * or save them as PDF, OpenDocument text, HTML or plain text. The preview
 * is built in a thread (cw-report-dialog-preview.c); turning its pages,
 * printing and saving are cw-report-dialog-output.c.
 *
 * Every change asks for the report again, but only once the user has
 * stopped changing it for a moment: words typed are saved SAVE_DELAY_MS
 * after the last key, and a build starts REBUILD_DELAY_MS after the last
 * change, so typing or clicking through years starts no build per key.
 */

#define SAVE_DELAY_MS 400
#define REBUILD_DELAY_MS 250

G_DEFINE_FINAL_TYPE (CwReportDialog, cw_report_dialog, ADW_TYPE_WINDOW)

void
cw_report_dialog_show_toast (CwReportDialog *self,
                             const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static gboolean
rebuild_timeout_cb (gpointer user_data)
{
  CwReportDialog *self = user_data;

  self->rebuild_source = 0;
  cw_report_dialog_rebuild_now (self);
  return G_SOURCE_REMOVE;
}

/* Builds the report again shortly, once the user has stopped changing it. */
void
cw_report_dialog_queue_rebuild (CwReportDialog *self)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->rebuild_source = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout_cb, self);
}

/* The year: last year's report is the one due early in the year. */

static guint
default_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);

  return (guint) (g_date_time_get_month (now) <= 3 ? year - 1 : year);
}

guint
cw_report_dialog_get_year (CwReportDialog *self)
{
  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), 0);
  return (guint) gtk_spin_button_get_value_as_int (self->year_spin);
}

void
cw_report_dialog_set_year (CwReportDialog *self,
                           guint           year)
{
  g_return_if_fail (CW_IS_REPORT_DIALOG (self));
  gtk_spin_button_set_value (self->year_spin, year);
}

/* The group's words */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
save_words (CwReportDialog  *self,
            GError         **error)
{
  g_autofree char *how = buffer_text (self->how_view);
  g_autofree char *next = buffer_text (self->next_view);

  return cw_store_save_report_note (self->store, self->words_case, self->words_year, how, next,
                                    error);
}

/**
 * cw_report_dialog_flush:
 *
 * Saves the words in the text views now, if any wait to be saved.
 */
gboolean
cw_report_dialog_flush (CwReportDialog  *self,
                        GError         **error)
{
  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), FALSE);

  if (self->save_source == 0)
    return TRUE;

  g_clear_handle_id (&self->save_source, g_source_remove);
  return save_words (self, error);
}

static void
flush_or_tell (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!cw_report_dialog_flush (self, &error))
    cw_report_dialog_show_toast (self, error->message);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CwReportDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_words (self, &error))
    cw_report_dialog_show_toast (self, error->message);
  cw_report_dialog_queue_rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
words_changed_cb (CwReportDialog *self)
{
  if (self->loading || self->words_case == NULL)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
load_words (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *how = NULL;
  g_autofree char *next = NULL;
  g_autoptr(CwCase) kase = NULL;
  gboolean writable = !cw_store_get_read_only (self->store);

  if (self->words_case != NULL)
    {
      kase = cw_store_load_case_summary (self->store, self->words_case, NULL);
      if (!cw_store_load_report_note (self->store, self->words_case, self->words_year, &how, &next,
                                      &error))
        cw_report_dialog_show_toast (self, error->message);
    }

  self->loading = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->how_view), how != NULL ? how : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->next_view), next != NULL ? next : "", -1);
  self->loading = FALSE;

  if (kase != NULL)
    {
      /* Translators: the case and the year the group's words are about */
      g_autofree char *about = g_strdup_printf (_("%s, %u"), cw_case_get_title (kase),
                                                self->words_year);

      gtk_label_set_text (self->words_case_label, about);
    }
  else
    gtk_label_set_text (self->words_case_label, _("No case to write about"));

  gtk_text_view_set_editable (self->how_view, kase != NULL && writable);
  gtk_text_view_set_editable (self->next_view, kase != NULL && writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->words_group), kase != NULL);
}

/**
 * cw_report_dialog_show_words_for:
 *
 * Shows the group's words on @case_id for the year, in the text views,
 * and selects the case in the list.
 */
void
cw_report_dialog_show_words_for (CwReportDialog *self,
                                 const char     *case_id)
{
  guint index;

  g_return_if_fail (CW_IS_REPORT_DIALOG (self));

  if (!g_ptr_array_find_with_equal_func (self->case_ids, case_id, g_str_equal, &index))
    return;
  gtk_list_box_select_row (self->case_list, gtk_list_box_get_row_at_index (self->case_list, index));
}

static void
row_selected_cb (CwReportDialog *self,
                 GtkListBoxRow  *row)
{
  flush_or_tell (self);
  g_free (self->words_case);
  self->words_case = row != NULL
    ? g_strdup (g_ptr_array_index (self->case_ids, gtk_list_box_row_get_index (row)))
    : NULL;
  load_words (self);
}

/* The cases */

static GtkCheckButton *
find_check (CwReportDialog *self,
            const char     *case_id)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (self->case_ids, case_id, g_str_equal, &index))
    return NULL;
  return g_ptr_array_index (self->checks, index);
}

gboolean
cw_report_dialog_get_case_chosen (CwReportDialog *self,
                                  const char     *case_id)
{
  GtkCheckButton *check;

  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), FALSE);

  check = find_check (self, case_id);
  return check != NULL && gtk_check_button_get_active (check);
}

void
cw_report_dialog_set_case_chosen (CwReportDialog *self,
                                  const char     *case_id,
                                  gboolean        chosen)
{
  GtkCheckButton *check;

  g_return_if_fail (CW_IS_REPORT_DIALOG (self));

  check = find_check (self, case_id);
  if (check != NULL)
    gtk_check_button_set_active (check, chosen);
}

static gboolean
id_in (GPtrArray  *ids,
       const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/* Chooses the cases open in the year, as a report for it holds. */
static void
choose_open_cases (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;

  open = cw_report_list_open_cases (self->store, self->words_year,
                                    gtk_switch_get_active (self->private_switch), &error);
  if (open == NULL)
    {
      cw_report_dialog_show_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < self->case_ids->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i),
                                 id_in (open, self->case_ids->pdata[i]));
}

/* A case open in the year only by its private entries comes into the
 * report with them and goes with them; the others stay as chosen. */
static void
private_changed_cb (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) with_private = NULL;
  g_autoptr(GPtrArray) without = NULL;
  gboolean include = gtk_switch_get_active (self->private_switch);

  with_private = cw_report_list_open_cases (self->store, self->words_year, TRUE, &error);
  if (with_private != NULL)
    without = cw_report_list_open_cases (self->store, self->words_year, FALSE, &error);
  if (without == NULL)
    {
      cw_report_dialog_show_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < self->case_ids->len; i++)
    if (id_in (with_private, self->case_ids->pdata[i]) &&
        !id_in (without, self->case_ids->pdata[i]))
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), include);
  cw_report_dialog_queue_rebuild (self);
}

static GtkWidget *
case_row_new (CwReportDialog *self,
              CwCase         *kase)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  const char *country = cw_case_get_country_name (kase);
  g_autofree char *subtitle = NULL;

  /* Case text is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cw_case_get_title (kase));
  subtitle = g_strdup_printf ("%s · %s", country != NULL && *country != '\0'
                                         ? country : cw_case_get_country_code (kase),
                              cw_case_status_to_label (cw_case_get_status (kase)));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A long title is cut short, so the list keeps room for its cases. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  cw_widget_set_tooltip_text (check, _("In the report"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cw_case_get_title (kase), -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (cw_report_dialog_queue_rebuild), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  return row;
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  g_autofree char *ka = g_utf8_collate_key (cw_case_get_title (*(CwCase **) a), -1);
  g_autofree char *kb = g_utf8_collate_key (cw_case_get_title (*(CwCase **) b), -1);

  return g_strcmp0 (ka, kb);
}

static void
fill_case_list (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = cw_store_list_cases (self->store, &error);

  if (cases == NULL)
    {
      cw_report_dialog_show_toast (self, error->message);
      return;
    }

  g_ptr_array_sort (cases, compare_titles);
  for (guint i = 0; i < cases->len; i++)
    {
      CwCase *kase = g_ptr_array_index (cases, i);

      g_ptr_array_add (self->case_ids, g_strdup (cw_case_get_id (kase)));
      gtk_list_box_append (self->case_list, case_row_new (self, kase));
    }
}

static void
year_changed_cb (CwReportDialog *self)
{
  guint year = cw_report_dialog_get_year (self);

  if (year == self->words_year)
    return;

  /* Words typed for the old year are kept for it. */
  flush_or_tell (self);
  self->words_year = year;
  choose_open_cases (self);
  load_words (self);
  cw_report_dialog_queue_rebuild (self);
}

/* The first chosen case, else the first case, gets the words. */
static void
select_first_case (CwReportDialog *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        cw_report_dialog_show_words_for (self, g_ptr_array_index (self->case_ids, i));
        return;
      }
  if (self->case_ids->len > 0)
    cw_report_dialog_show_words_for (self, g_ptr_array_index (self->case_ids, 0));
  else
    load_words (self);
}

/* GObject */

static gboolean
cw_report_dialog_close_request (GtkWindow *window)
{
  CwReportDialog *self = CW_REPORT_DIALOG (window);
  g_autoptr(GError) error = NULL;

  if (!cw_report_dialog_flush (self, &error))
    g_warning ("Could not save the group’s words: %s", error->message);

  return GTK_WINDOW_CLASS (cw_report_dialog_parent_class)->close_request (window);
}

static void
cw_report_dialog_dispose (GObject *object)
{
  CwReportDialog *self = CW_REPORT_DIALOG (object);

  /* Taking the list apart selects no row: that is not the user's doing. */
  if (self->case_list != NULL)
    g_signal_handlers_disconnect_by_data (self->case_list, self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  /* A build still running finds the window gone and drops what it made. */
  cw_report_dialog_stop_preview (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profile, cw_profile_free);
  g_clear_pointer (&self->case_ids, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->words_case, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CW_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (cw_report_dialog_parent_class)->dispose (object);
}

static void
cw_report_dialog_class_init (CwReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cw_report_dialog_dispose;
  window_class->close_request = cw_report_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Casework/cw-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, report_group);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, private_switch);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, case_list);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, words_group);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, words_case_label);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, how_view);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, next_view);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, preparing_box);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, preparing_spinner);
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, page_label);

  cw_report_dialog_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cw_report_dialog_init (CwReportDialog *self)
{
  self->case_ids = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cw_report_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the database the report is made from
 *
 * The "Yearly report…" window: modal to @parent, it shows itself with
 * gtk_window_present().
 */
GtkWidget *
cw_report_dialog_new (GtkWindow *parent,
                      CwStore   *store)
{
  CwReportDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CW_IS_STORE (store), NULL);

  self = g_object_new (CW_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->profile = cw_store_load_profile (store, &error);
  if (self->profile == NULL)
    {
      g_warning ("Could not read the group’s details: %s", error->message);
      self->profile = cw_profile_new ();
    }
  if (self->profile->name == NULL || *self->profile->name == '\0')
    adw_preferences_group_set_description (self->report_group,
                                           _("The report is headed with the group’s name and "
                                             "number: set them in Preferences."));

  self->words_year = default_year ();
  gtk_spin_button_set_value (self->year_spin, self->words_year);
  g_signal_connect_object (self->case_list, "row-selected", G_CALLBACK (row_selected_cb), self,
                           G_CONNECT_SWAPPED);
  fill_case_list (self);
  choose_open_cases (self);
  select_first_case (self);

  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->private_switch, "notify::active",
                           G_CALLBACK (private_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->how_view), "changed",
                           G_CALLBACK (words_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->next_view), "changed",
                           G_CALLBACK (words_changed_cb), self, G_CONNECT_SWAPPED);

  /* The first build starts at once; what the list queued is in it. */
  cw_report_dialog_rebuild_now (self);
  return GTK_WIDGET (self);
}

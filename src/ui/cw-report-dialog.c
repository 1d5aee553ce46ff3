/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-report-dialog"

#include <glib/gi18n.h>

#include "cw-report-dialog-private.h"

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
  g_return_if_fail (CW_IS_REPORT_DIALOG (self));

  cw_case_picker_select (self->case_picker, case_id);
}

static void
selected_case_cb (CwReportDialog *self)
{
  const char *selected = cw_case_picker_get_selected (self->case_picker);

  if (selected == NULL || g_strcmp0 (selected, self->words_case) == 0)
    return;

  flush_or_tell (self);
  g_free (self->words_case);
  self->words_case = g_strdup (selected);
  load_words (self);
}

/* The cases */

gboolean
cw_report_dialog_get_case_chosen (CwReportDialog *self,
                                  const char     *case_id)
{
  g_return_val_if_fail (CW_IS_REPORT_DIALOG (self), FALSE);

  return cw_case_picker_get_chosen (self->case_picker, case_id);
}

/* Ticks or unticks a case as the user would. */
void
cw_report_dialog_set_case_chosen (CwReportDialog *self,
                                  const char     *case_id,
                                  gboolean        chosen)
{
  g_return_if_fail (CW_IS_REPORT_DIALOG (self));

  if (cw_case_picker_get_chosen (self->case_picker, case_id) != !!chosen &&
      cw_case_picker_set_chosen (self->case_picker, case_id, chosen))
    cw_report_dialog_queue_rebuild (self);
}

/* The ids of the cases chosen, in the list's order. */
GStrv
cw_report_dialog_list_chosen (CwReportDialog *self)
{
  g_autoptr(GPtrArray) chosen = cw_case_picker_list_chosen (self->case_picker);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < chosen->len; i++)
    g_strv_builder_add (ids, cw_case_get_id (g_ptr_array_index (chosen, i)));
  return g_strv_builder_end (ids);
}

/* The ids of @cases, to look them up. */
static GHashTable *
id_set (GPtrArray *ids)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_ptr_array_index (ids, i));
  return set;
}

static gboolean
case_in_set (CwCase   *kase,
             gpointer  set)
{
  return g_hash_table_contains (set, cw_case_get_id (kase));
}

/* Chooses the cases open in the year, as a report for it holds. */
static void
choose_open_cases (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GHashTable) set = NULL;

  open = cw_report_list_open_cases (self->store, self->words_year,
                                    gtk_switch_get_active (self->private_switch), &error);
  if (open == NULL)
    {
      cw_report_dialog_show_toast (self, error->message);
      return;
    }

  set = id_set (open);
  cw_case_picker_choose (self->case_picker, case_in_set, set);
}

/* A case open in the year only by its private entries comes into the
 * report with them and goes with them; the others stay as chosen. */
static void
private_changed_cb (CwReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) with_private = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GHashTable) set = NULL;
  gboolean include = gtk_switch_get_active (self->private_switch);

  with_private = cw_report_list_open_cases (self->store, self->words_year, TRUE, &error);
  if (with_private != NULL)
    without = cw_report_list_open_cases (self->store, self->words_year, FALSE, &error);
  if (without == NULL)
    {
      cw_report_dialog_show_toast (self, error->message);
      return;
    }

  set = id_set (without);
  for (guint i = 0; i < with_private->len; i++)
    if (!g_hash_table_contains (set, g_ptr_array_index (with_private, i)))
      cw_case_picker_set_chosen (self->case_picker, g_ptr_array_index (with_private, i), include);
  cw_report_dialog_queue_rebuild (self);
}

static char *
describe_case (CwCase *kase)
{
  const char *country = cw_case_get_country_name (kase);

  return g_strdup_printf ("%s · %s", country != NULL && *country != '\0'
                                     ? country : cw_case_get_country_code (kase),
                          cw_case_status_to_label (cw_case_get_status (kase)));
}

typedef struct {
  char *key;
  CwCase *kase;
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  return strcmp (((const SortKey *) a)->key, ((const SortKey *) b)->key);
}

/* The cases by title, as the reader's language sorts them. Each title's
 * key is made once: made per comparison, ten thousand cases took seconds. */
static void
sort_by_title (GPtrArray *cases)
{
  g_autofree SortKey *keys = g_new (SortKey, cases->len);

  for (guint i = 0; i < cases->len; i++)
    {
      keys[i].kase = g_ptr_array_index (cases, i);
      keys[i].key = g_utf8_collate_key (cw_case_get_title (keys[i].kase), -1);
    }
  /* Stable, so cases of one title keep the store's order. */
  g_qsort_with_data (keys, cases->len, sizeof (SortKey), compare_keys, NULL);
  for (guint i = 0; i < cases->len; i++)
    {
      cases->pdata[i] = keys[i].kase;
      g_free (keys[i].key);
    }
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

  sort_by_title (cases);
  cw_case_picker_set_cases (self->case_picker, cases, describe_case);
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
  g_autoptr(GPtrArray) chosen = cw_case_picker_list_chosen (self->case_picker);

  if (chosen->len > 0)
    cw_report_dialog_show_words_for (self, cw_case_get_id (g_ptr_array_index (chosen, 0)));
  else if (cw_case_picker_get_n_cases (self->case_picker) > 0)
    cw_report_dialog_show_words_for (self, cw_case_picker_get_id_at (self->case_picker, 0));
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

  /* Taking the list apart selects no case: that is not the user's doing. */
  if (self->case_picker != NULL)
    g_signal_handlers_disconnect_by_data (self->case_picker, self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  /* A build still running finds the window gone and drops what it made. */
  cw_report_dialog_stop_preview (self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->profile, cw_profile_free);
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
  gtk_widget_class_bind_template_child (widget_class, CwReportDialog, case_picker);
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
  g_type_ensure (CW_TYPE_CASE_PICKER);
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
  g_signal_connect_object (self->case_picker, "notify::selected",
                           G_CALLBACK (selected_case_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->case_picker, "toggled",
                           G_CALLBACK (cw_report_dialog_queue_rebuild), self, G_CONNECT_SWAPPED);
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>

#include "cw-case-picker.h"

/* The list of cases to tick in the report and meeting dialogs, in a
 * window on a real (virtual) display: a tick by the user is told and one
 * by the program is not; thousands of cases make rows only for those on
 * screen; the current case follows the user's pick. */

#define N_MANY 5000

static GPtrArray *
make_cases (guint n)
{
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      CwCase *kase = cw_case_new ();
      g_autofree char *title = g_strdup_printf ("Case %05u", i);
      g_autofree char *id = g_uuid_string_random ();

      cw_case_set_id (kase, id);
      cw_case_set_title (kase, title);
      g_ptr_array_add (cases, kase);
    }
  return cases;
}

static char *
describe (CwCase *kase)
{
  return g_strdup_printf ("About %s", cw_case_get_title (kase));
}

static void
wait_for_frames (GtkWidget *widget)
{
  /* Long enough for the list to lay out and draw its rows. */
  for (int i = 0; i < 20; i++)
    {
      gint64 until = g_get_monotonic_time () + 10 * G_TIME_SPAN_MILLISECOND;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_checks (c, checks);
}

/* The check button showing the case titled @title, if it has a row. */
static GtkCheckButton *
check_for (GtkWidget  *picker,
           const char *title)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  collect_checks (picker, checks);
  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);
      GtkWidget *row = gtk_widget_get_parent (check);

      /* The title is in the row, beside the box or inside it. */
      for (GtkWidget *w = gtk_widget_get_first_child (GTK_IS_BOX (row) ? row : check); w != NULL;
           w = gtk_widget_get_next_sibling (w))
        if (GTK_IS_BOX (w))
          {
            GtkWidget *label = gtk_widget_get_first_child (w);

            if (GTK_IS_LABEL (label) &&
                g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) == 0)
              return GTK_CHECK_BUTTON (check);
          }
    }
  return NULL;
}

static void
count_toggled_cb (CwCasePicker *picker,
                  const char   *case_id,
                  GPtrArray    *told)
{
  g_ptr_array_add (told, g_strdup (case_id));
}

static gboolean
every_tenth (CwCase   *kase,
             gpointer  user_data)
{
  GPtrArray *cases = user_data;
  guint index;

  g_assert_true (g_ptr_array_find (cases, kase, &index));
  return index % 10 == 0;
}

static GtkWidget *
show_picker (gboolean   selectable,
             GPtrArray *cases,
             GtkWindow **window)
{
  GtkWidget *picker = cw_case_picker_new (selectable);

  cw_case_picker_set_cases (CW_CASE_PICKER (picker), cases, describe);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 400, 600);
  gtk_window_set_child (*window, picker);
  gtk_window_present (*window);
  wait_for_frames (picker);
  return picker;
}

static void
test_ticks (gconstpointer data)
{
  gboolean selectable = GPOINTER_TO_INT (data);
  g_autoptr(GPtrArray) cases = make_cases (N_MANY);
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) chosen = NULL;
  CwCase *first = g_ptr_array_index (cases, 0);
  CwCase *second = g_ptr_array_index (cases, 1);
  GtkWindow *window;
  GtkWidget *picker = show_picker (selectable, cases, &window);
  CwCasePicker *self = CW_CASE_PICKER (picker);

  g_signal_connect (picker, "toggled", G_CALLBACK (count_toggled_cb), told);
  g_assert_cmpuint (cw_case_picker_get_n_cases (self), ==, N_MANY);
  g_assert_true (cw_case_picker_get_case (self, cw_case_get_id (second)) == second);
  g_assert_cmpstr (cw_case_picker_get_id_at (self, 1), ==, cw_case_get_id (second));

  /* Rows for the cases on screen only: a row per case, thousands of them,
   * took the dialogs many seconds to open. */
  collect_checks (picker, checks);
  g_assert_cmpuint (checks->len, >, 5);
  g_assert_cmpuint (checks->len, <, 300);

  /* The program's choice shows in the rows, and is not told as a tick. */
  cw_case_picker_choose (self, every_tenth, cases);
  wait_for_frames (picker);
  g_assert_true (cw_case_picker_get_chosen (self, cw_case_get_id (first)));
  g_assert_false (cw_case_picker_get_chosen (self, cw_case_get_id (second)));
  g_assert_true (gtk_check_button_get_active (check_for (picker, "Case 00000")));
  g_assert_false (gtk_check_button_get_active (check_for (picker, "Case 00001")));
  g_assert_cmpuint (told->len, ==, 0);
  chosen = cw_case_picker_list_chosen (self);
  g_assert_cmpuint (chosen->len, ==, N_MANY / 10);
  g_assert_true (g_ptr_array_index (chosen, 1) == g_ptr_array_index (cases, 10));

  /* The user's tick is told, once, and kept in the list. */
  gtk_check_button_set_active (check_for (picker, "Case 00001"), TRUE);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (told, 0), ==, cw_case_get_id (second));
  g_assert_true (cw_case_picker_get_chosen (self, cw_case_get_id (second)));

  g_assert_true (cw_case_picker_set_chosen (self, cw_case_get_id (second), FALSE));
  wait_for_frames (picker);
  g_assert_false (gtk_check_button_get_active (check_for (picker, "Case 00001")));
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_false (cw_case_picker_set_chosen (self, "no such case", TRUE));

  gtk_window_destroy (window);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_current_case (void)
{
  g_autoptr(GPtrArray) cases = make_cases (N_MANY);
  CwCase *far = g_ptr_array_index (cases, N_MANY - 3);
  GtkWindow *window;
  GtkWidget *picker = show_picker (TRUE, cases, &window);
  CwCasePicker *self = CW_CASE_PICKER (picker);
  guint notified = 0;

  g_assert_null (cw_case_picker_get_selected (self));
  g_signal_connect (picker, "notify::selected", G_CALLBACK (count_notify_cb), &notified);

  /* A case far down the list is made current, and scrolled to. */
  cw_case_picker_select (self, cw_case_get_id (far));
  wait_for_frames (picker);
  g_assert_cmpstr (cw_case_picker_get_selected (self), ==, cw_case_get_id (far));
  g_assert_cmpuint (notified, ==, 1);
  g_assert_nonnull (check_for (picker, cw_case_get_title (far)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (check_for (picker, cw_case_get_title (far)))));
  {
    GtkWidget *scrolled = gtk_widget_get_first_child (picker);
    GtkAdjustment *adjustment =
      gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 1000);
  }

  /* New cases: none is current. */
  cw_case_picker_set_cases (self, cases, NULL);
  g_assert_null (cw_case_picker_get_selected (self));

  gtk_window_destroy (window);
}

static void
test_placeholder (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) some = make_cases (3);
  GtkWindow *window;
  GtkWidget *picker = show_picker (FALSE, none, &window);
  GtkWidget *label = gtk_widget_get_last_child (picker);

  cw_case_picker_set_placeholder (CW_CASE_PICKER (picker), "No open cases");
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "No open cases");

  cw_case_picker_set_cases (CW_CASE_PICKER (picker), some, NULL);
  wait_for_frames (picker);
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_nonnull (check_for (picker, "Case 00002"));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/case-picker/ticks/selectable", GINT_TO_POINTER (TRUE), test_ticks);
  g_test_add_data_func ("/case-picker/ticks/whole-row", GINT_TO_POINTER (FALSE), test_ticks);
  g_test_add_func ("/case-picker/current-case", test_current_case);
  g_test_add_func ("/case-picker/placeholder", test_placeholder);
  return g_test_run ();
}

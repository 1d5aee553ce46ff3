/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cw-test-ui.h"

/* ------------------------------------------------------------------ */
/* The main loop */

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets windows lay themselves out and draw, and idle work run. */
void
cw_test_run_main_loop (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main loop until @condition holds, for at most a minute;
 * returns whether it holds. */
gboolean
cw_test_wait_for (CwTestCondition condition,
                  gpointer        data)
{
  /* Generous: under sanitizers or valgrind everything is many times
   * slower, and a test should fail on what never happens, not on time. */
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return condition (data);
}

/* ------------------------------------------------------------------ */
/* Widgets */

/* Depth first, in the order GTK keeps the children. With @mapped_only,
 * nothing below a widget that is not on screen is looked at. */
static GtkWidget *
find_where (GtkWidget         *widget,
            gboolean           mapped_only,
            CwTestWidgetMatch  match,
            gconstpointer      data)
{
  if (mapped_only && !gtk_widget_get_mapped (widget))
    return NULL;

  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_where (child, mapped_only, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget at or below @widget for which @match holds, shown or
 * not. */
GtkWidget *
cw_test_find_widget_where (GtkWidget         *widget,
                           CwTestWidgetMatch  match,
                           gconstpointer      data)
{
  return find_where (widget, FALSE, match, data);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

GtkWidget *
cw_test_find_widget (GtkWidget *widget,
                     GType      type)
{
  return find_where (widget, FALSE, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start);
}

/* A label showing @text that a person could see now. */
GtkWidget *
cw_test_find_visible_label (GtkWidget  *widget,
                            const char *text)
{
  return find_where (widget, TRUE, is_label, text);
}

/* A label that a person could see now, whose text starts with @start. */
GtkWidget *
cw_test_find_visible_label_starting (GtkWidget  *widget,
                                     const char *start)
{
  return find_where (widget, TRUE, is_label_starting, start);
}

/* ------------------------------------------------------------------ */
/* Windows */

typedef gboolean (*WindowMatch) (GtkWindow     *window,
                                 gconstpointer  data);

static GtkWindow *
find_toplevel_where (WindowMatch   match,
                     gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      /* GTK keeps its own reference while the window is a toplevel. */
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (match (window, data))
        return window;
    }
  return NULL;
}

static gboolean
window_is_of_type (GtkWindow     *window,
                   gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (window, GPOINTER_TO_SIZE (type));
}

/* The first toplevel window of @type, shown or not. */
GtkWindow *
cw_test_find_toplevel (GType type)
{
  return find_toplevel_where (window_is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_shown_dialog (GtkWindow     *window,
                 gconstpointer  parent)
{
  return ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
         (parent == NULL || gtk_window_get_transient_for (window) == parent);
}

/* The message dialog on screen, if any; with @parent, only one shown for
 * that window. */
AdwMessageDialog *
cw_test_find_dialog (GtkWindow *parent)
{
  GtkWindow *dialog = find_toplevel_where (is_shown_dialog, parent);

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "cw-store.h"
#include "cw-templates-window.h"

/* The letter templates window: the bundled templates are there to edit,
 * the group adds and deletes its own, and edits reach the store. */

typedef struct {
  char *dir;
  CwStore *store;
  CwTemplatesWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("casework-templates-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "casework.db", NULL);
  f->store = cw_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
run_main_loop (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static CwLetterTemplate *
stored (CwStore    *store,
        const char *id,
        guint      *n_templates)
{
  g_autoptr(GPtrArray) templates = cw_store_list_letter_templates (store, NULL);

  *n_templates = templates->len;
  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (((CwLetterTemplate *) g_ptr_array_index (templates, i))->id, id))
      return cw_letter_template_copy (g_ptr_array_index (templates, i));
  return NULL;
}

static GtkTextView *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return GTK_TEXT_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkTextView *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_edit_add_delete (Fixture       *f,
                      gconstpointer  data)
{
  const char *bundled_id = "b0a1d1ed-0000-4000-8000-000000000001";
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CwLetterTemplate) tmpl = NULL;
  GtkTextView *body;
  guint n;

  f->window = CW_TEMPLATES_WINDOW (cw_templates_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (f->window));
  run_main_loop (200);

  /* The bundled templates are in the store, and one is selected. */
  g_clear_pointer (&tmpl, cw_letter_template_free);
  tmpl = stored (f->store, bundled_id, &n);
  g_assert_cmpuint (n, ==, 12);
  g_assert_nonnull (cw_templates_window_get_selected (f->window));

  /* A bundled template is edited like any other ... */
  g_assert_true (cw_templates_window_select (f->window, bundled_id));
  body = find_text_view (GTK_WIDGET (f->window));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), "Our own words about {case}.", -1);
  g_assert_true (cw_templates_window_flush (f->window, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tmpl, cw_letter_template_free);
  tmpl = stored (f->store, bundled_id, &n);
  g_assert_cmpstr (tmpl->body, ==, "Our own words about {case}.");
  g_assert_true (tmpl->bundled);

  /* ... restored, but never deleted. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "templates.delete", NULL);
  g_clear_pointer (&tmpl, cw_letter_template_free);
  tmpl = stored (f->store, bundled_id, &n);
  g_assert_nonnull (tmpl);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "templates.restore", NULL);
  g_clear_pointer (&tmpl, cw_letter_template_free);
  tmpl = stored (f->store, bundled_id, &n);
  g_assert_true (g_str_has_prefix (tmpl->body, "I am writing to you, as {target}"));

  /* The group's own is added, and deleted. */
  id = cw_templates_window_add (f->window);
  g_assert_nonnull (id);
  g_assert_cmpstr (cw_templates_window_get_selected (f->window), ==, id);
  g_clear_pointer (&tmpl, cw_letter_template_free);
  tmpl = stored (f->store, id, &n);
  g_assert_cmpuint (n, ==, 13);
  g_assert_false (tmpl->bundled);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "templates.delete", NULL);
  g_clear_pointer (&tmpl, cw_letter_template_free);
  tmpl = stored (f->store, id, &n);
  g_assert_null (tmpl);
  g_assert_cmpuint (n, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/templates-window/edit-add-delete", Fixture, NULL, fixture_setup,
              test_edit_add_delete, fixture_teardown);

  return g_test_run ();
}

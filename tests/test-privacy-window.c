/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "cw-test-ui.h"
#include "cw-window-private.h"
#include "privacy-markers.h"

/* What the window writes from tests/casefiles/privacy-fixture.xml (see
 * test-privacy.c for the core and the command line): Export… in public
 * scope leaves out what the format says it leaves out, in full scope it
 * keeps all; Hand Over Case… gives the next holder the whole casefile,
 * private entries and safety notes included, by design. */

#define PUBLIC_EXPORT_HOLDS (MARK_TITLE | MARK_PUBLIC_ENTRY | MARK_HOLDER_NAME | MARK_LETTER | \
                             MARK_COORD_PUBLIC | MARK_SOLIDARITY_OK | MARK_SOLIDARITY_NO)

typedef struct {
  char *dir;
  CwStore *store;
  CwWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = cw_test_tmp_dir_new ("casework-privacy-window-XXXXXX");
  f->store = cw_test_open_store (f->dir, "casework.db");
  cw_import_summary_free (cw_test_import_fixture (f->store, PRIVACY_FIXTURE));

  f->window = cw_window_new (NULL, f->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  cw_test_run_main_loop (300);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
  cw_test_tmp_dir_free (f->dir);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* Export… as the file chooser would start it, then the file once written. */
static char *
export_from_window (Fixture         *f,
                    CwCasefileScope  scope,
                    const char      *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  char *text = NULL;

  cw_window_export_cases (f->window, NULL, scope, file);
  g_assert_true (cw_test_wait_for (file_written, path));
  cw_test_run_main_loop (200);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *public_xml = export_from_window (f, CW_CASEFILE_SCOPE_PUBLIC, "public.xml");
  g_autofree char *full_xml = export_from_window (f, CW_CASEFILE_SCOPE_FULL, "full.xml");

  g_assert_nonnull (strstr (public_xml, "scope=\"public\""));
  privacy_assert_markers ("Export… in public scope", public_xml, MARK_NOT_PUBLIC,
                          PUBLIC_EXPORT_HOLDS);
  privacy_assert_markers ("Export… in full scope", full_xml, 0, MARK_ALL);
}

/* The next holder takes on the whole case: everything the group knows of
 * it goes with it. Only the case handed over goes. */
static void
test_hand_over_is_full (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "handover.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  /* Every kind of marker the fixture gives case Alpha. */
  const char * const alpha[] = {
    "MkTitleAlpha", "MkPublicLetterAlpha", "MkHolderNameAlpha", "MkAppealTargetAlpha",
    "MkCoordNameAlpha", "MkSolidarityNameAlpha", "MkSafetyNoteAlphaOne", "MkSafetyNoteAlphaTwo",
    "MkHolderRoleAlpha", "mkholderemailalpha", "MkHolderPhoneAlpha", "MkHolderAddressAlpha",
    "MkHolderNotesAlpha", "mkcoordemailalpha", "MkCoordPhoneAlpha", "MkPrivateLetterAlpha",
    "48271", "MkPrivateOutcomeNotesAlpha", "MkPrivateUpdateAlpha", NULL
  };

  g_assert_true (cw_window_hand_over_case (f->window, PRIVACY_ALPHA, "Sam Lee", file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));

  g_assert_nonnull (strstr (xml, "scope=\"full\""));
  for (guint i = 0; alpha[i] != NULL; i++)
    if (strstr (xml, alpha[i]) == NULL)
      g_error ("the handover casefile lacks %s", alpha[i]);
  g_assert_null (strstr (xml, "MkTitleBeta"));
  g_assert_null (strstr (xml, "MkSafetyNoteBeta"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/privacy-window/export", Fixture, NULL, fixture_setup, test_export,
              fixture_teardown);
  g_test_add ("/privacy-window/hand-over-is-full", Fixture, NULL, fixture_setup,
              test_hand_over_is_full, fixture_teardown);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework"

#include <glib/gi18n.h>
#include <locale.h>

#include "cw-application.h"
#include "cw-timing.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CwApplication) app = NULL;

  cw_timing_start ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Casework"));
  app = cw_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

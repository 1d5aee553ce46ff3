/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "casework-cli"

#include <glib/gi18n-lib.h>

#include "cw-cli.h"
#include "cw-meeting-pack.h"

/* `letters [--case ID]... [--role appeal|copy|solidarity] [--copies N]
 * [--date YYYY-MM-DD] -o FILE.pdf`: a meeting pack as a PDF. Without
 * --case, the cases a meeting on that day proposes; without --role,
 * appeals and copies. A file is replaced only once every page is written. */

#define MAX_COPIES 500

static gboolean
parse_roles (GStrv           words,
             CwLetterRoles  *roles,
             char          **bad)
{
  *roles = 0;
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          CwLetterRoles role = cw_letter_role_from_string (g_strstrip (parts[j]));

          if (role == 0)
            {
              *bad = g_strdup (parts[j]);
              return FALSE;
            }
          *roles |= role;
        }
    }
  if (*roles == 0)
    *roles = CW_LETTER_ROLES_DEFAULT;
  return TRUE;
}

static gboolean
parse_date (const char  *text,
            CwDate      *date,
            GError     **error)
{
  if (text == NULL)
    {
      cw_date_today (date);
      return TRUE;
    }
  if (!cw_date_parse (text, date, error))
    return FALSE;
  if (date->precision != CW_DATE_PRECISION_DAY)
    {
      g_set_error (error, CW_DATE_ERROR, CW_DATE_ERROR_FORMAT,
                   _("“%s” is not a day: write the date as YYYY-MM-DD"), text);
      return FALSE;
    }
  return TRUE;
}

static CwExit
exit_for (const GError *error)
{
  if (error->domain == CW_LETTER_ERROR)
    return error->code == CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN ? CW_EXIT_REFUSED : CW_EXIT_FAILURE;
  return cw_cli_exit_for_error (error);
}

static void
report (CwMeetingPack *pack,
        const char    *output)
{
  g_auto(GStrv) notes = cw_meeting_pack_get_notes (pack);
  guint letters = cw_meeting_pack_count_letters (pack, NULL);

  for (guint i = 0; notes[i] != NULL; i++)
    g_printerr (_("Note: %s\n"), notes[i]);
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u letter written to %s\n",
                           "%u letters written to %s\n", letters), letters, output);
}

static CwExit
write_pack (const CwCliGlobals *globals,
            GStrv               ids,
            CwLetterRoles       roles,
            guint               copies,
            const CwDate       *date,
            gboolean            member_address,
            const char         *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CwStore) store = NULL;
  g_autoptr(CwMeetingPack) pack = NULL;
  g_autoptr(GFile) file = NULL;
  CwExit exit_code;

  store = cw_cli_open_existing_store (globals, &exit_code);
  if (store == NULL)
    return exit_code;

  pack = cw_meeting_pack_new_from_store (store, (const char * const *) ids, roles, copies, date,
                                         &error);
  if (pack == NULL)
    {
      g_printerr ("%s\n", error->message);
      return exit_for (error);
    }
  if (cw_meeting_pack_count_letters (pack, NULL) == 0)
    {
      g_printerr ("%s\n", _("No letters to write: none of the cases has a target of the roles "
                            "asked for (see --case and --role)."));
      return CW_EXIT_REFUSED;
    }

  cw_meeting_pack_set_member_address (pack, member_address);
  file = g_file_new_for_commandline_arg (output);
  if (!cw_store_check_output_file (store, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return CW_EXIT_REFUSED;
    }
  if (!cw_meeting_pack_write_pdf_file (pack, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return CW_EXIT_FAILURE;
    }

  report (pack, output);
  return CW_EXIT_OK;
}

CwExit
cw_cli_letters (const CwCliGlobals  *globals,
                int                  argc,
                char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) role_words = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *bad_role = NULL;
  gboolean member_address = FALSE;
  int copies = 1;
  CwLetterRoles roles;
  CwDate date;
  const GOptionEntry entries[] = {
    { "case", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ids,
      N_("Write for this case (repeat for more; without it, active long-term cases and urgent "
         "actions whose deadline is ahead)"), N_("ID") },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &role_words,
      N_("appeal, copy or solidarity (repeat for more; appeal and copy if none is given)"),
      N_("ROLE") },
    { "copies", 0, 0, G_OPTION_ARG_INT, &copies,
      N_("How many of each letter: one per member attending (1 if not given)"), N_("N") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The meeting’s date, on every letter (today if not given)"), N_("YYYY-MM-DD") },
    { "member-address", 0, 0, G_OPTION_ARG_NONE, &member_address,
      N_("Leave lines for each member’s own address instead of the group’s"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write a meeting’s appeal letters as one PDF: a "
                                           "briefing per case, every letter, the envelope list."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ("casework-cli letters");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return cw_cli_usage_error (context, error->message);
  if (argc > 1)
    return cw_cli_usage_error (context, _("letters takes no arguments; use --case ID"));
  if (output == NULL)
    return cw_cli_usage_error (context, _("say where the PDF goes with -o FILE.pdf"));
  if (copies < 1 || copies > MAX_COPIES)
    return cw_cli_usage_error (context, _("--copies takes a number from 1 to 500"));
  if (!parse_roles (role_words, &roles, &bad_role))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a role: use appeal, copy or solidarity"), bad_role);

      return cw_cli_usage_error (context, message);
    }
  if (!parse_date (date_text, &date, &error))
    {
      g_printerr ("--date: %s\n", error->message);
      return CW_EXIT_REFUSED;
    }

  return write_pack (globals, ids, roles, (guint) copies, &date, member_address, output);
}

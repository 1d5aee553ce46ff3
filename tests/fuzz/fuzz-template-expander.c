/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cw-bundled-templates.h"
#include "cw-template-expander.h"

/*
 * libFuzzer target for the letter-template expander, fuzzing the template
 * and the values together. An input is
 *
 *   one byte    which placeholders have a value: bit i for the i-th of
 *               cw_template_placeholders() ({case}, {person}, ...)
 *   values      separated by 0x1f, ended by 0x1e: the values in that order
 *               (a missing one is empty); without a 0x1e, every value is a
 *               fixed text full of placeholder syntax
 *   template    the rest
 *
 * The expander must never read a value again once it is copied: text from
 * a case that holds "{group}" prints as "{group}". So each template is
 * expanded twice, once with the values and once with a marker per value
 * ("\x01" i "\x02", which no value or template here holds); the first
 * result must be the second with each marker replaced by its value, as it
 * is. And with no value at all, the template comes back as written.
 * Anything else aborts, and the fuzzer keeps the input.
 *
 * Built by meson with -Dfuzzing=true and clang; see tests/fuzz/meson.build.
 */

#define VALUE_SEP '\x1f'
#define VALUES_END '\x1e'
#define MARK_OPEN '\x01'
#define MARK_CLOSE '\x02'

/* Values to use when the input gives none: placeholder syntax of every
 * kind, which must come out exactly as it goes in. */
static const char * const hostile_values[] = {
  "{group}", "{case}{person}", "{{target}}", "{country", "}{date}{",
  "{signatory}{unknown}{}", "{ca{se}",
};

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2)
static void
crash (const char *format,
       ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

/* Replaces each marker in @text with the value it stands for. */
static char *
unmark (const char  *text,
        const char **values,
        guint        n_values)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == MARK_OPEN && p[1] != '\0' && p[2] == MARK_CLOSE &&
          (guint) (guchar) p[1] - 'a' < n_values && values[p[1] - 'a'] != NULL)
        {
          g_string_append (out, values[p[1] - 'a']);
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_markers (const char *text)
{
  return strchr (text, MARK_OPEN) != NULL || strchr (text, MARK_CLOSE) != NULL;
}

static void
check (const char  *template_text,
       const char **values)
{
  const char * const *names = cw_template_placeholders ();
  guint n_names = g_strv_length ((char **) names);
  g_autoptr(CwTemplateExpander) real = cw_template_expander_new ();
  g_autoptr(CwTemplateExpander) marked = cw_template_expander_new ();
  g_autoptr(CwTemplateExpander) none = cw_template_expander_new ();
  g_autofree char *expanded = NULL;
  g_autofree char *with_marks = NULL;
  g_autofree char *unmarked = NULL;
  g_autofree char *as_written = NULL;

  for (guint i = 0; i < n_names; i++)
    {
      char mark[] = { MARK_OPEN, (char) ('a' + i), MARK_CLOSE, '\0' };
      g_autofree char *alone = NULL;

      if (values[i] == NULL)
        continue;
      cw_template_expander_set (real, names[i], values[i]);
      cw_template_expander_set (marked, names[i], mark);
      if (g_strcmp0 (cw_template_expander_get (real, names[i]), values[i]) != 0)
        crash ("{%s} does not keep its value", names[i]);

      /* A placeholder on its own is its value, whatever the value holds. */
      alone = g_strdup_printf ("{%s}", names[i]);
      g_free (expanded);
      expanded = cw_template_expander_expand (real, alone);
      if (strcmp (expanded, values[i]) != 0)
        crash ("{%s} with the value \"%s\" expands to \"%s\"", names[i], values[i], expanded);
      g_clear_pointer (&expanded, g_free);
    }

  expanded = cw_template_expander_expand (real, template_text);
  if (expanded == NULL)
    crash ("no expansion");

  as_written = cw_template_expander_expand (none, template_text);
  if (strcmp (as_written, template_text) != 0)
    crash ("with no values the template changes:\n%s\n-> %s", template_text, as_written);

  with_marks = cw_template_expander_expand (marked, template_text);
  unmarked = unmark (with_marks, values, n_names);
  if (strcmp (expanded, unmarked) != 0)
    crash ("a value was not copied as it is:\ntemplate: %s\nexpanded: %s\nexpected: %s",
           template_text, expanded, unmarked);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GPtrArray) bundled = cw_bundled_templates ();

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);

  /* The shipped templates, with the hostile values, before any input. */
  for (guint i = 0; i < bundled->len; i++)
    {
      CwLetterTemplate *tmpl = g_ptr_array_index (bundled, i);

      check (tmpl->body, (const char **) hostile_values);
      check (tmpl->closing, (const char **) hostile_values);
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char * const *names = cw_template_placeholders ();
  guint n_names = g_strv_length ((char **) names);
  const char *values[8] = { NULL };
  g_auto(GStrv) given = NULL;
  g_autofree char *text = NULL;
  const char *template_text;
  char *end;
  guint mask;

  g_assert (n_names <= G_N_ELEMENTS (values) && n_names <= G_N_ELEMENTS (hostile_values));
  if (size == 0)
    return 0;

  mask = data[0];
  /* C strings: a NUL ends the text, as it would anywhere in Casework. */
  text = g_strndup ((const char *) data + 1, size - 1);
  if (has_markers (text))
    return 0;

  end = strchr (text, VALUES_END);
  if (end != NULL)
    {
      *end = '\0';
      template_text = end + 1;
      given = g_strsplit (text, (const char[]) { VALUE_SEP, '\0' }, n_names);
    }
  else
    template_text = text;

  for (guint i = 0; i < n_names; i++)
    {
      if (!(mask & (1u << i)))
        continue;
      if (given == NULL)
        values[i] = hostile_values[i];
      else
        values[i] = i < g_strv_length (given) ? given[i] : "";
    }

  check (template_text, values);
  return 0;
}

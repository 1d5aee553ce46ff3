/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-letter-language"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-letter-language.h"

/* The conventions are written out here rather than taken from the system
 * locale: the letter's language is the target's, not the user's, and a
 * machine rarely has every locale a group writes in. */

typedef enum {
  DAY_PLAIN,         /* 21 */
  DAY_FRENCH,        /* 1er, then 2, 3, ... */
} DayStyle;

struct _CwLetterLanguage
{
  const char *code;
  const char *name;                 /* in the user's language: N_() */
  PangoDirection direction;
  const char *months[12];
  const char *before_month;         /* day, this, month */
  const char *before_year;          /* month, this, year */
  DayStyle day_style;
  gboolean native_digits;           /* Arabic-Indic digits */
  const char *closing;              /* appeal and copy letters */
  const char *solidarity_closing;
  const char *salutation;           /* where a target has none */
  const char *solidarity_salutation;
  const char *salutation_mark;      /* what ends a salutation */
  const char *list_separator;
  const char *list_last;            /* before the last of several names */
  const char *our_group;            /* where the group has no name */
  const char *signature_label;
  const char *name_label;
};

static const CwLetterLanguage languages[] = {
  {
    "en", N_("English"), PANGO_DIRECTION_LTR,
    { "January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December" },
    " ", " ", DAY_PLAIN, FALSE,
    "Yours sincerely,", "With warm wishes,",
    "Dear Sir or Madam,", "Dear friend,", ",",
    ", ", " and ", "our group", "Signature", "Name",
  },
  {
    "es", N_("Spanish"), PANGO_DIRECTION_LTR,
    { "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "octubre", "noviembre", "diciembre" },
    " de ", " de ", DAY_PLAIN, FALSE,
    "Atentamente,", "Con cariño y solidaridad,",
    "Estimado señor o estimada señora:", "Querida amiga, querido amigo:", ":",
    ", ", " y ", "nuestro grupo", "Firma", "Nombre",
  },
  {
    "fr", N_("French"), PANGO_DIRECTION_LTR,
    { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre" },
    " ", " ", DAY_FRENCH, FALSE,
    "Je vous prie d’agréer l’expression de ma haute considération.",
    "Avec toute notre solidarité,",
    "Madame, Monsieur,", "Chère amie, cher ami,", ",",
    ", ", " et ", "notre groupe", "Signature", "Nom",
  },
  {
    "ar", N_("Arabic"), PANGO_DIRECTION_RTL,
    { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
      "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" },
    " ", " ", DAY_PLAIN, TRUE,
    "وتفضلوا بقبول فائق الاحترام والتقدير،", "مع خالص التضامن،",
    "تحية طيبة وبعد،", "تحية طيبة،", "،",
    "، ", " و", "مجموعتنا", "التوقيع", "الاسم",
  },
};

/* The first language is English, the fallback. */
#define FALLBACK (&languages[0])

char *
cw_language_tag_primary (const char *tag)
{
  const char *dash;

  if (tag == NULL)
    return g_strdup ("");

  dash = strpbrk (tag, "-_");
  return g_ascii_strdown (tag, dash != NULL ? dash - tag : -1);
}

/**
 * cw_language_tag_matches:
 * @wanted: a BCP 47 tag, or a bare language
 *
 * Whether @tag is @wanted or a regional form of it: "es-CO" matches "es".
 */
gboolean
cw_language_tag_matches (const char *tag,
                         const char *wanted)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (tag == NULL || wanted == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (tag, wanted) == 0)
    return TRUE;

  a = cw_language_tag_primary (tag);
  b = cw_language_tag_primary (wanted);
  return *a != '\0' && g_str_equal (a, b);
}

static const CwLetterLanguage *
find_language (const char *tag)
{
  g_autofree char *primary = cw_language_tag_primary (tag);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i].code, primary))
      return &languages[i];
  return NULL;
}

gboolean
cw_letter_language_is_known (const char *tag)
{
  return find_language (tag) != NULL;
}

/**
 * cw_letter_language_lookup:
 * @tag: (nullable): a BCP 47 tag, "es" or "es-CO"
 *
 * Returns: the conventions for @tag; English for a language Casework does
 *   not know
 */
const CwLetterLanguage *
cw_letter_language_lookup (const char *tag)
{
  const CwLetterLanguage *language = find_language (tag);

  return language != NULL ? language : FALLBACK;
}

const char *
cw_letter_language_get_code (const CwLetterLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->code;
}

/* The language's name in the user's language, for notes to the holder. */
const char *
cw_letter_language_get_name (const CwLetterLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _(self->name);
}

PangoDirection
cw_letter_language_get_direction (const CwLetterLanguage *self)
{
  g_return_val_if_fail (self != NULL, PANGO_DIRECTION_LTR);
  return self->direction;
}

const char *
cw_letter_language_get_month (const CwLetterLanguage *self,
                              guint                   month)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  return self->months[month - 1];
}

/* ASCII digits as Arabic-Indic ones: "21" → "٢١". */
static char *
native_digits (const char *ascii)
{
  GString *text = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_unichar (text, 0x0660 + (*p - '0'));
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static char *
format_number (const CwLetterLanguage *self,
               guint                   number)
{
  g_autofree char *ascii = g_strdup_printf ("%u", number);

  return self->native_digits ? native_digits (ascii) : g_steal_pointer (&ascii);
}

static char *
format_day (const CwLetterLanguage *self,
            guint                   day)
{
  if (self->day_style == DAY_FRENCH && day == 1)
    return g_strdup ("1er");
  return format_number (self, day);
}

/**
 * cw_letter_language_format_date:
 * @date: a date; one of month or year precision is written as far as it goes
 *
 * Returns: the date as a letter in this language writes it:
 *   "21 November 2026", "21 de noviembre de 2026", "21 novembre 2026"
 */
char *
cw_letter_language_format_date (const CwLetterLanguage *self,
                                const CwDate           *date)
{
  g_autofree char *day = NULL;
  g_autofree char *year = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  year = format_number (self, date->year);
  if (date->precision < CW_DATE_PRECISION_MONTH || date->month < 1 || date->month > 12)
    return g_steal_pointer (&year);
  if (date->precision < CW_DATE_PRECISION_DAY)
    return g_strconcat (self->months[date->month - 1], self->before_year, year, NULL);

  day = format_day (self, date->day);
  return g_strconcat (day, self->before_month, self->months[date->month - 1],
                      self->before_year, year, NULL);
}

/**
 * cw_letter_language_get_closing:
 * @role: appeal, copy or solidarity
 *
 * Returns: how a letter of @role closes, where its template says nothing
 */
const char *
cw_letter_language_get_closing (const CwLetterLanguage *self,
                                const char             *role)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_strcmp0 (role, "solidarity") == 0 ? self->solidarity_closing : self->closing;
}

/* How a letter opens where its target has no salutation of its own. */
const char *
cw_letter_language_get_salutation (const CwLetterLanguage *self,
                                   const char             *role)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_strcmp0 (role, "solidarity") == 0 ? self->solidarity_salutation : self->salutation;
}

static gboolean
ends_with_mark (const char *text)
{
  const char *last = g_utf8_find_prev_char (text, text + strlen (text));
  gunichar c;

  if (last == NULL)
    return FALSE;
  c = g_utf8_get_char (last);
  return c == ',' || c == ':' || c == ';' || c == '.' || c == '!' ||
         c == 0x060C /* Arabic comma */ || c == 0x061B /* Arabic semicolon */;
}

/**
 * cw_letter_language_punctuate_salutation:
 *
 * Returns: @salutation with the mark this language ends one with — "Dear
 *   Minister," "Estimado Señor Fiscal General:" — unless it has one already
 */
char *
cw_letter_language_punctuate_salutation (const CwLetterLanguage *self,
                                         const char             *salutation)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_strstrip (g_strdup (salutation != NULL ? salutation : ""));
  if (*text == '\0' || ends_with_mark (text))
    return g_steal_pointer (&text);
  return g_strconcat (text, self->salutation_mark, NULL);
}

/* Arabic writes "and" as a prefix of the next word: "وليلى"; before a name
 * in another script it stands on its own. */
static void
append_last_joiner (const CwLetterLanguage *self,
                    GString                *text,
                    const char             *next)
{
  g_string_append (text, self->list_last);
  if (self->direction == PANGO_DIRECTION_RTL &&
      g_unichar_get_script (g_utf8_get_char (next)) != G_UNICODE_SCRIPT_ARABIC)
    g_string_append_c (text, ' ');
}

/* "A", "A and B", "A, B and C", in this language. */
char *
cw_letter_language_join_names (const CwLetterLanguage *self,
                               const char * const     *names)
{
  GString *text = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (self != NULL, NULL);

  n = names != NULL ? g_strv_length ((GStrv) names) : 0;
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && i < n - 1)
        g_string_append (text, self->list_separator);
      else if (i > 0)
        append_last_joiner (self, text, names[i]);
      g_string_append (text, names[i]);
    }
  return g_string_free (text, FALSE);
}

/* Stands for the group in a letter where the group has not given its name. */
const char *
cw_letter_language_get_our_group (const CwLetterLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->our_group;
}

const char *
cw_letter_language_get_signature_label (const CwLetterLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->signature_label;
}

const char *
cw_letter_language_get_name_label (const CwLetterLanguage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name_label;
}

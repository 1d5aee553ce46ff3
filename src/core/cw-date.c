/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-date"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cw-date.h"

G_DEFINE_QUARK (cw-date-error-quark, cw_date_error)

static gboolean
read_digits (const char *p,
             guint       n,
             guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }

  *value = v;
  return TRUE;
}

/**
 * cw_date_parse:
 * @text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @date: (out): the date, with the precision it was written in
 *
 * Reads a partial ISO 8601 date and checks that it names a real day,
 * month or year.
 */
gboolean
cw_date_parse (const char  *text,
               CwDate      *date,
               GError     **error)
{
  gsize len;
  guint year = 0, month = 0, day = 0;
  CwDate result = { 0 };

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  len = text != NULL ? strlen (text) : 0;

  if ((len != 4 && len != 7 && len != 10) ||
      !read_digits (text, 4, &year) ||
      (len >= 7 && (text[4] != '-' || !read_digits (text + 5, 2, &month))) ||
      (len == 10 && (text[7] != '-' || !read_digits (text + 8, 2, &day))))
    {
      g_set_error (error, CW_DATE_ERROR, CW_DATE_ERROR_FORMAT,
                   _("“%s” is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"),
                   text != NULL ? text : "");
      return FALSE;
    }

  if (year < 1 ||
      (len >= 7 && (month < 1 || month > 12)) ||
      (len == 10 && (day < 1 || day > g_date_get_days_in_month (month, year))))
    {
      g_set_error (error, CW_DATE_ERROR, CW_DATE_ERROR_RANGE,
                   _("%s is not a real date"), text);
      return FALSE;
    }

  result.year = year;
  result.month = month;
  result.day = day;
  result.precision = len == 4 ? CW_DATE_PRECISION_YEAR
                   : len == 7 ? CW_DATE_PRECISION_MONTH
                   : CW_DATE_PRECISION_DAY;
  *date = result;

  return TRUE;
}

gboolean
cw_date_is_valid_iso (const char *text)
{
  CwDate date;

  return cw_date_parse (text, &date, NULL);
}

char *
cw_date_to_iso (const CwDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch (date->precision)
    {
    case CW_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04u", date->year);
    case CW_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04u-%02u", date->year, date->month);
    case CW_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04u-%02u-%02u", date->year, date->month, date->day);
    case CW_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

/**
 * cw_date_format_display:
 *
 * Formats a date for people at its own precision, in the user's language:
 * "7 March 2024", "March 2025" or "2024".
 */
char *
cw_date_format_display (const CwDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (date->precision == CW_DATE_PRECISION_NONE)
    return g_strdup ("");
  if (date->precision == CW_DATE_PRECISION_YEAR)
    return g_strdup_printf ("%u", date->year);

  dt = g_date_time_new_utc (date->year, date->month,
                            date->precision == CW_DATE_PRECISION_DAY ? date->day : 1,
                            0, 0, 0);
  if (dt == NULL)
    return cw_date_to_iso (date);

  if (date->precision == CW_DATE_PRECISION_MONTH)
    /* Translators: a month and year, as in "March 2025"; see g_date_time_format() */
    return g_date_time_format (dt, C_("month precision date", "%OB %Y"));

  /* Translators: a full date, as in "7 March 2024"; see g_date_time_format() */
  return g_date_time_format (dt, C_("day precision date", "%-d %B %Y"));
}

char *
cw_date_iso_format_display (const char *iso)
{
  CwDate date;

  if (!cw_date_parse (iso, &date, NULL))
    return g_strdup (iso != NULL ? iso : "");

  return cw_date_format_display (&date);
}

void
cw_date_today (CwDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  date->year = g_date_time_get_year (now);
  date->month = g_date_time_get_month (now);
  date->day = g_date_time_get_day_of_month (now);
  date->precision = CW_DATE_PRECISION_DAY;
}

/*
 * Orders dates by the earliest day they can mean, and a vaguer date before
 * a more precise one on the same start: 2024 < 2024-01 < 2024-01-01.
 * That is also the order of their ISO strings.
 */
int
cw_date_compare (const CwDate *a,
                 const CwDate *b)
{
  guint32 ka, kb;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  ka = ((guint32) a->year << 16) | ((guint32) a->month << 8) | a->day;
  kb = ((guint32) b->year << 16) | ((guint32) b->month << 8) | b->day;
  if (ka != kb)
    return ka < kb ? -1 : 1;

  return (int) a->precision - (int) b->precision;
}

gboolean
cw_date_is_in_year (const CwDate *date,
                    guint         year)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->precision != CW_DATE_PRECISION_NONE && date->year == year;
}

/* `YYYY-MM-DDTHH:MM:SSZ`, a real moment in UTC */
gboolean
cw_timestamp_is_valid (const char *text)
{
  CwDate date;
  guint h = 0, m = 0, s = 0;
  char day[11];

  if (text == NULL || strlen (text) != 20 || text[10] != 'T' || text[19] != 'Z' ||
      text[13] != ':' || text[16] != ':')
    return FALSE;

  memcpy (day, text, 10);
  day[10] = '\0';
  if (!cw_date_parse (day, &date, NULL) || date.precision != CW_DATE_PRECISION_DAY)
    return FALSE;

  if (!read_digits (text + 11, 2, &h) || !read_digits (text + 14, 2, &m) ||
      !read_digits (text + 17, 2, &s))
    return FALSE;

  return h < 24 && m < 60 && s < 60;
}

char *
cw_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

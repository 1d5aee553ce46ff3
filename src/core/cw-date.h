/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A date as the casefile format writes it: a year, a month or a day.
 * A month-precision arrest date stays "March 2025"; it never becomes the
 * 1st of the month.
 */
typedef enum {
  CW_DATE_PRECISION_NONE = 0,
  CW_DATE_PRECISION_YEAR = 1,
  CW_DATE_PRECISION_MONTH = 2,
  CW_DATE_PRECISION_DAY = 3,
} CwDatePrecision;

typedef struct {
  guint16 year;
  guint8 month;             /* 1–12, or 0 below month precision */
  guint8 day;               /* 1–31, or 0 below day precision */
  CwDatePrecision precision;
} CwDate;

#define CW_DATE_ERROR (cw_date_error_quark ())

typedef enum {
  CW_DATE_ERROR_FORMAT,
  CW_DATE_ERROR_RANGE,
} CwDateError;

GQuark    cw_date_error_quark        (void);

gboolean  cw_date_parse              (const char      *text,
                                      CwDate          *date,
                                      GError         **error);
gboolean  cw_date_is_valid_iso       (const char      *text);
char     *cw_date_to_iso             (const CwDate    *date);
char     *cw_date_format_display     (const CwDate    *date);
char     *cw_date_iso_format_display (const char      *iso);
void      cw_date_today              (CwDate          *date);
int       cw_date_compare            (const CwDate    *a,
                                      const CwDate    *b);
gboolean  cw_date_is_in_year         (const CwDate    *date,
                                      guint            year);

gboolean  cw_timestamp_is_valid      (const char      *text);
char     *cw_timestamp_now           (void);

G_END_DECLS

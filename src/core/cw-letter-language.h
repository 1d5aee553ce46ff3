/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "cw-date.h"

G_BEGIN_DECLS

/*
 * What a letter needs to know about the language it is written in: how it
 * writes a date, how it closes, which way it reads. Casework knows English,
 * Spanish, French and Arabic; any other language is written with English
 * conventions. Nothing here depends on the system locale: a Spanish letter
 * is dated in Spanish on any machine.
 */
typedef struct _CwLetterLanguage CwLetterLanguage;

const CwLetterLanguage *cw_letter_language_lookup          (const char             *tag);
gboolean                cw_letter_language_is_known        (const char             *tag);

const char             *cw_letter_language_get_code        (const CwLetterLanguage *self);
const char             *cw_letter_language_get_name        (const CwLetterLanguage *self);
PangoDirection          cw_letter_language_get_direction   (const CwLetterLanguage *self);
const char             *cw_letter_language_get_month       (const CwLetterLanguage *self,
                                                            guint                   month);
char                   *cw_letter_language_format_date     (const CwLetterLanguage *self,
                                                            const CwDate           *date);
const char             *cw_letter_language_get_closing     (const CwLetterLanguage *self,
                                                            const char             *role);
const char             *cw_letter_language_get_salutation  (const CwLetterLanguage *self,
                                                            const char             *role);
char                   *cw_letter_language_punctuate_salutation (const CwLetterLanguage *self,
                                                                 const char             *salutation);
char                   *cw_letter_language_join_names      (const CwLetterLanguage *self,
                                                            const char * const     *names);
const char             *cw_letter_language_get_our_group   (const CwLetterLanguage *self);
const char             *cw_letter_language_get_signature_label (const CwLetterLanguage *self);
const char             *cw_letter_language_get_name_label  (const CwLetterLanguage *self);

/* The language's primary subtag: "es" for "es-CO". */
char                   *cw_language_tag_primary            (const char             *tag);
gboolean                cw_language_tag_matches            (const char             *tag,
                                                            const char             *wanted);

G_END_DECLS

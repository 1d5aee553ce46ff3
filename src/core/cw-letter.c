/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-letter"

#include <glib/gi18n-lib.h>

#include "cw-letter.h"
#include "cw-letter-language.h"
#include "cw-template-expander.h"

G_DEFINE_QUARK (cw-letter-error-quark, cw_letter_error)
G_DEFINE_BOXED_TYPE (CwLetter, cw_letter, cw_letter_copy, cw_letter_free)

CwLetter *
cw_letter_copy (const CwLetter *self)
{
  CwLetter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CwLetter, 1);
  copy->case_id = g_strdup (self->case_id);
  copy->case_title = g_strdup (self->case_title);
  copy->role = g_strdup (self->role);
  copy->language = g_strdup (self->language);
  copy->target_language = g_strdup (self->target_language);
  copy->sender = g_strdupv (self->sender);
  copy->date = g_strdup (self->date);
  copy->recipient = g_strdupv (self->recipient);
  copy->salutation = g_strdup (self->salutation);
  copy->body = g_strdup (self->body);
  copy->closing = g_strdup (self->closing);
  copy->body_source = self->body_source;
  copy->note = g_strdup (self->note);
  return copy;
}

void
cw_letter_free (CwLetter *self)
{
  if (self == NULL)
    return;
  g_free (self->case_id);
  g_free (self->case_title);
  g_free (self->role);
  g_free (self->language);
  g_free (self->target_language);
  g_strfreev (self->sender);
  g_free (self->date);
  g_strfreev (self->recipient);
  g_free (self->salutation);
  g_free (self->body);
  g_free (self->closing);
  g_free (self->note);
  g_free (self);
}

static const char * const role_names[] = { "appeal", "copy", "solidarity" };

CwLetterRoles
cw_letter_role_from_string (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (role, role_names[i]) == 0)
      return 1 << i;
  return 0;
}

/* @role: a single role */
const char *
cw_letter_role_to_string (CwLetterRoles role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (role == (CwLetterRoles) (1 << i))
      return role_names[i];
  return NULL;
}

/* A target without a role is written to as an appeal target. */
const char *
cw_target_get_letter_role (const CwTarget *target)
{
  g_return_val_if_fail (target != NULL, NULL);
  return cw_letter_role_from_string (target->role) != 0 ? target->role : "appeal";
}

/**
 * cw_letter_solidarity_allowed:
 * @reason: (out) (optional): why not, in words for the user
 *
 * Solidarity mail goes only where the case's safety settings say it is
 * allowed; a case that does not say is treated as one that forbids it.
 */
gboolean
cw_letter_solidarity_allowed (CwCase      *kase,
                              const char **reason)
{
  const char *value;

  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);

  value = cw_case_get_solidarity (kase);
  if (g_strcmp0 (value, "allowed") == 0)
    return TRUE;

  if (reason != NULL)
    *reason = g_strcmp0 (value, "forbidden") == 0
                ? _("its safety settings forbid it")
                : _("its safety settings do not say it is allowed");
  return FALSE;
}

/**
 * cw_letter_check_roles:
 *
 * Refuses solidarity letters for a case that does not allow them.
 */
gboolean
cw_letter_check_roles (CwCase         *kase,
                       CwLetterRoles   roles,
                       GError        **error)
{
  const char *reason = NULL;

  g_return_val_if_fail (CW_IS_CASE (kase), FALSE);

  if ((roles & CW_LETTER_ROLE_SOLIDARITY) == 0 || cw_letter_solidarity_allowed (kase, &reason))
    return TRUE;

  g_set_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_SOLIDARITY_FORBIDDEN,
               _("No solidarity letters for “%s” (%s): %s"),
               cw_case_get_title (kase), cw_case_get_id (kase), reason);
  return FALSE;
}

/* The values a template's placeholders take */

static char *
person_names (CwCase                 *kase,
              const CwLetterLanguage *language)
{
  GPtrArray *people = cw_case_get_people (kase);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* A group or a community is named by the case; a few of its members
   * would not speak for all of them. */
  if (cw_case_get_kind (kase) != CW_CASE_KIND_INDIVIDUAL)
    return g_strdup (cw_case_get_title (kase));

  for (guint i = 0; i < people->len; i++)
    {
      CwPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (person->role, "subject") == 0 && person->name != NULL)
        g_ptr_array_add (names, person->name);
    }
  if (names->len == 0)
    return g_strdup (cw_case_get_title (kase));

  g_ptr_array_add (names, NULL);
  return cw_letter_language_join_names (language, (const char * const *) names->pdata);
}

static const char *
first_set (const char *a,
           const char *b,
           const char *c)
{
  if (a != NULL && *a != '\0')
    return a;
  if (b != NULL && *b != '\0')
    return b;
  if (c != NULL && *c != '\0')
    return c;
  return NULL;
}

/* In a right-to-left letter a value in another script is set apart, so
 * its own punctuation and brackets stay with it. */
static void
set_value (CwTemplateExpander     *expander,
           const CwLetterLanguage *language,
           const char             *name,
           const char             *value)
{
  g_autofree char *isolated = NULL;

  if (value != NULL && cw_letter_language_get_direction (language) == PANGO_DIRECTION_RTL)
    value = isolated = g_strconcat ("\u2068", value, "\u2069", NULL);
  cw_template_expander_set (expander, name, value);
}

static CwTemplateExpander *
expander_for (CwCase                 *kase,
              const CwTarget         *target,
              const CwProfile        *profile,
              const CwLetterLanguage *language,
              const char             *date)
{
  CwTemplateExpander *expander = cw_template_expander_new ();
  g_autofree char *person = person_names (kase, language);

  set_value (expander, language, "case", cw_case_get_title (kase));
  set_value (expander, language, "person", person);
  set_value (expander, language, "target",
             first_set (target->title, target->name, target->organisation));
  set_value (expander, language, "country",
             first_set (cw_case_get_country_name (kase),
                        cw_case_get_country_code (kase), NULL));
  set_value (expander, language, "date", date);
  set_value (expander, language, "group",
             first_set (profile->name, cw_letter_language_get_our_group (language),
                        NULL));
  set_value (expander, language, "signatory", first_set (profile->signatory, NULL, NULL));
  return expander;
}

/* Choosing the body */

static const CwModelLetter *
find_model_letter (CwCase     *kase,
                   const char *language)
{
  GPtrArray *letters = cw_case_get_model_letters (kase);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < letters->len; i++)
      {
        CwModelLetter *letter = g_ptr_array_index (letters, i);
        gboolean match = pass == 0 ? g_strcmp0 (letter->language, language) == 0
                                   : cw_language_tag_matches (letter->language, language);

        if (match && letter->body != NULL && *letter->body != '\0')
          return letter;
      }
  return NULL;
}

/* The group's own template before a bundled one; the exact language
 * before a regional or general form of it. */
static const CwLetterTemplate *
find_template (GPtrArray  *templates,
               const char *language,
               const char *role)
{
  for (guint pass = 0; pass < 4; pass++)
    for (guint i = 0; templates != NULL && i < templates->len; i++)
      {
        CwLetterTemplate *tmpl = g_ptr_array_index (templates, i);
        gboolean exact = g_strcmp0 (tmpl->language, language) == 0;
        gboolean own = !tmpl->bundled;

        if (g_strcmp0 (tmpl->role, role) != 0 || own != (pass % 2 == 0))
          continue;
        if (pass < 2 ? exact : cw_language_tag_matches (tmpl->language, language))
          return tmpl;
      }
  return NULL;
}

typedef struct {
  const CwModelLetter *model;
  const CwLetterTemplate *tmpl;
  const char *language;
  CwLetterBodySource source;
} BodyChoice;

static gboolean
choose_in (CwCase     *kase,
           GPtrArray  *templates,
           const char *role,
           const char *language,
           BodyChoice *choice)
{
  choice->language = language;
  choice->model = g_str_equal (role, "appeal") ? find_model_letter (kase, language) : NULL;
  choice->tmpl = choice->model == NULL ? find_template (templates, language, role) : NULL;
  return choice->model != NULL || choice->tmpl != NULL;
}

static gboolean
choose_body (CwCase     *kase,
             GPtrArray  *templates,
             const char *role,
             const char *language,
             BodyChoice *choice)
{
  if (choose_in (kase, templates, role, language, choice))
    {
      choice->source = choice->model != NULL ? CW_LETTER_BODY_MODEL_LETTER : CW_LETTER_BODY_TEMPLATE;
      return TRUE;
    }
  choice->source = CW_LETTER_BODY_ENGLISH_FALLBACK;
  return choose_in (kase, templates, role, "en", choice);
}

/* The parts of the letter */

static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static GStrv
sender_block (const CwProfile *profile)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) address = split_lines (profile->address);

  if (profile->name != NULL && *profile->name != '\0')
    g_strv_builder_add (builder, profile->name);
  g_strv_builder_addv (builder, (const char **) address);
  return g_strv_builder_end (builder);
}

static void
add_field (GStrvBuilder *builder,
           const char   *value)
{
  g_autofree char *line = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (*line != '\0')
    g_strv_builder_add (builder, line);
}

static GStrv
recipient_block (const CwTarget *target)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  add_field (builder, target->name);
  add_field (builder, target->title);
  add_field (builder, target->organisation);
  for (guint i = 0; target->address != NULL && target->address[i] != NULL; i++)
    add_field (builder, target->address[i]);
  return g_strv_builder_end (builder);
}

static char *
salutation_for (const CwTarget *target,
                const char     *role,
                const char     *letter_language)
{
  /* The target's salutation is written in the target's language. */
  if (target->salutation != NULL && *target->salutation != '\0')
    return cw_letter_language_punctuate_salutation (cw_letter_language_lookup (target->language),
                                                    target->salutation);
  return g_strdup (cw_letter_language_get_salutation (cw_letter_language_lookup (letter_language),
                                                      role));
}

static char *
note_for (const BodyChoice *choice,
          const char       *target_language)
{
  const char *name = cw_letter_language_is_known (target_language)
                       ? cw_letter_language_get_name (cw_letter_language_lookup (target_language))
                       : target_language;

  if (choice->source == CW_LETTER_BODY_ENGLISH_FALLBACK)
    return g_strdup_printf (_("There is no model letter or template in %s for this letter, "
                              "so it is in English."), name);
  if (!cw_letter_language_is_known (choice->language))
    return g_strdup_printf (_("Casework does not know how letters in %s are dated and closed: "
                              "the date and the closing are in English."), name);
  return NULL;
}

static void
fill_body (CwLetter           *letter,
           const BodyChoice   *choice,
           CwTemplateExpander *expander,
           const char         *role)
{
  const CwLetterLanguage *language = cw_letter_language_lookup (choice->language);

  if (choice->model != NULL)
    {
      /* Case text goes in as it is: it is never a template. */
      letter->body = g_strdup (choice->model->body);
      letter->closing = g_strdup (cw_letter_language_get_closing (language, role));
      return;
    }

  letter->body = cw_template_expander_expand (expander, choice->tmpl->body);
  if (choice->tmpl->closing != NULL && *choice->tmpl->closing != '\0')
    letter->closing = cw_template_expander_expand (expander, choice->tmpl->closing);
  else
    letter->closing = g_strdup (cw_letter_language_get_closing (language, role));
}

/**
 * cw_letter_new:
 * @kase: a case with its details
 * @templates: (element-type CwLetterTemplate): the templates to choose from
 * @date: the day the letter is written
 *
 * Returns: (transfer full) (nullable): the letter to @target, or %NULL with
 *   @error set: solidarity mail the case does not allow, or no text at all
 */
CwLetter *
cw_letter_new (CwCase           *kase,
               const CwTarget   *target,
               const CwProfile  *profile,
               GPtrArray        *templates,
               const CwDate     *date,
               GError          **error)
{
  g_autoptr(CwLetter) letter = NULL;
  g_autoptr(CwTemplateExpander) expander = NULL;
  const char *role, *target_language;
  BodyChoice choice = { NULL };

  g_return_val_if_fail (CW_IS_CASE (kase), NULL);
  g_return_val_if_fail (target != NULL && profile != NULL && date != NULL, NULL);

  role = cw_target_get_letter_role (target);
  if (!cw_letter_check_roles (kase, cw_letter_role_from_string (role), error))
    return NULL;

  target_language = target->language != NULL && *target->language != '\0' ? target->language : "en";
  if (!choose_body (kase, templates, role, target_language, &choice))
    {
      g_set_error (error, CW_LETTER_ERROR, CW_LETTER_ERROR_NO_BODY,
                   _("There is no model letter or template for a letter (%s) to “%s”, "
                     "not even in English"), role, cw_case_get_title (kase));
      return NULL;
    }

  letter = g_new0 (CwLetter, 1);
  letter->case_id = g_strdup (cw_case_get_id (kase));
  letter->case_title = g_strdup (cw_case_get_title (kase));
  letter->role = g_strdup (role);
  letter->language = g_strdup (choice.language);
  letter->target_language = g_strdup (target_language);
  letter->date = cw_letter_language_format_date (cw_letter_language_lookup (choice.language), date);
  letter->sender = sender_block (profile);
  letter->recipient = recipient_block (target);
  letter->salutation = salutation_for (target, role, choice.language);
  letter->body_source = choice.source;
  letter->note = note_for (&choice, target_language);

  expander = expander_for (kase, target, profile, cw_letter_language_lookup (choice.language),
                           letter->date);
  fill_body (letter, &choice, expander, role);
  return g_steal_pointer (&letter);
}

/**
 * cw_letters_for_case:
 * @kase: a case with its details
 * @roles: which of its targets to write to
 *
 * Returns: (transfer full) (element-type CwLetter) (nullable): a letter for
 *   each of the case's targets of @roles, in the case's order; %NULL with
 *   @error set where @roles asks for solidarity mail the case does not allow
 */
GPtrArray *
cw_letters_for_case (CwCase           *kase,
                     CwLetterRoles     roles,
                     const CwProfile  *profile,
                     GPtrArray        *templates,
                     const CwDate     *date,
                     GError          **error)
{
  g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_letter_free);
  GPtrArray *targets;

  g_return_val_if_fail (CW_IS_CASE (kase), NULL);

  if (!cw_letter_check_roles (kase, roles, error))
    return NULL;

  targets = cw_case_get_targets (kase);
  for (guint i = 0; i < targets->len; i++)
    {
      CwTarget *target = g_ptr_array_index (targets, i);
      CwLetter *letter;

      if ((cw_letter_role_from_string (cw_target_get_letter_role (target)) & roles) == 0)
        continue;
      letter = cw_letter_new (kase, target, profile, templates, date, error);
      if (letter == NULL)
        return NULL;
      g_ptr_array_add (letters, letter);
    }
  return g_steal_pointer (&letters);
}

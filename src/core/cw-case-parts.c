/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-case-parts"

#include "cw-case-parts.h"

G_DEFINE_BOXED_TYPE (CwReference, cw_reference, cw_reference_copy, cw_reference_free)
G_DEFINE_BOXED_TYPE (CwPerson, cw_person, cw_person_copy, cw_person_free)
G_DEFINE_BOXED_TYPE (CwDetention, cw_detention, cw_detention_copy, cw_detention_free)
G_DEFINE_BOXED_TYPE (CwContact, cw_contact, cw_contact_copy, cw_contact_free)
G_DEFINE_BOXED_TYPE (CwTarget, cw_target, cw_target_copy, cw_target_free)
G_DEFINE_BOXED_TYPE (CwModelLetter, cw_model_letter, cw_model_letter_copy, cw_model_letter_free)

static gboolean
strv_equal0 (GStrv a,
             GStrv b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

CwReference *
cw_reference_new (const char *scheme,
                  const char *value)
{
  CwReference *self = g_new0 (CwReference, 1);

  self->scheme = g_strdup (scheme);
  self->value = g_strdup (value);
  return self;
}

CwReference *
cw_reference_copy (const CwReference *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cw_reference_new (self->scheme, self->value);
}

void
cw_reference_free (CwReference *self)
{
  if (self == NULL)
    return;
  g_free (self->scheme);
  g_free (self->value);
  g_free (self);
}

gboolean
cw_reference_equal (const CwReference *a,
                    const CwReference *b)
{
  return g_strcmp0 (a->scheme, b->scheme) == 0 && g_strcmp0 (a->value, b->value) == 0;
}

CwPerson *
cw_person_new (void)
{
  return g_new0 (CwPerson, 1);
}

CwPerson *
cw_person_copy (const CwPerson *self)
{
  CwPerson *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cw_person_new ();
  copy->role = g_strdup (self->role);
  copy->name = g_strdup (self->name);
  copy->other_names = g_strdup (self->other_names);
  copy->pronouns = g_strdup (self->pronouns);
  copy->gender = g_strdup (self->gender);
  copy->born = g_strdup (self->born);
  copy->occupation = g_strdup (self->occupation);
  copy->notes = g_strdup (self->notes);
  return copy;
}

void
cw_person_free (CwPerson *self)
{
  if (self == NULL)
    return;
  g_free (self->role);
  g_free (self->name);
  g_free (self->other_names);
  g_free (self->pronouns);
  g_free (self->gender);
  g_free (self->born);
  g_free (self->occupation);
  g_free (self->notes);
  g_free (self);
}

gboolean
cw_person_equal (const CwPerson *a,
                 const CwPerson *b)
{
  return g_strcmp0 (a->role, b->role) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->other_names, b->other_names) == 0 &&
         g_strcmp0 (a->pronouns, b->pronouns) == 0 &&
         g_strcmp0 (a->gender, b->gender) == 0 &&
         g_strcmp0 (a->born, b->born) == 0 &&
         g_strcmp0 (a->occupation, b->occupation) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

CwDetention *
cw_detention_new (void)
{
  return g_new0 (CwDetention, 1);
}

CwDetention *
cw_detention_copy (const CwDetention *self)
{
  CwDetention *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cw_detention_new ();
  copy->place = g_strdup (self->place);
  copy->arrested = g_strdup (self->arrested);
  copy->charges = g_strdup (self->charges);
  copy->sentence = g_strdup (self->sentence);
  copy->health = g_strdup (self->health);
  copy->legal_access = g_strdup (self->legal_access);
  copy->legal_access_note = g_strdup (self->legal_access_note);
  copy->family_access = g_strdup (self->family_access);
  copy->family_access_note = g_strdup (self->family_access_note);
  return copy;
}

void
cw_detention_free (CwDetention *self)
{
  if (self == NULL)
    return;
  g_free (self->place);
  g_free (self->arrested);
  g_free (self->charges);
  g_free (self->sentence);
  g_free (self->health);
  g_free (self->legal_access);
  g_free (self->legal_access_note);
  g_free (self->family_access);
  g_free (self->family_access_note);
  g_free (self);
}

gboolean
cw_detention_equal (const CwDetention *a,
                    const CwDetention *b)
{
  return g_strcmp0 (a->place, b->place) == 0 &&
         g_strcmp0 (a->arrested, b->arrested) == 0 &&
         g_strcmp0 (a->charges, b->charges) == 0 &&
         g_strcmp0 (a->sentence, b->sentence) == 0 &&
         g_strcmp0 (a->health, b->health) == 0 &&
         g_strcmp0 (a->legal_access, b->legal_access) == 0 &&
         g_strcmp0 (a->legal_access_note, b->legal_access_note) == 0 &&
         g_strcmp0 (a->family_access, b->family_access) == 0 &&
         g_strcmp0 (a->family_access_note, b->family_access_note) == 0;
}

CwContact *
cw_contact_new (const char *name)
{
  CwContact *self = g_new0 (CwContact, 1);

  self->name = g_strdup (name);
  return self;
}

CwContact *
cw_contact_copy (const CwContact *self)
{
  CwContact *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cw_contact_new (self->name);
  copy->role = g_strdup (self->role);
  copy->organisation = g_strdup (self->organisation);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdupv (self->address);
  copy->notes = g_strdup (self->notes);
  copy->from = g_strdup (self->from);
  copy->to = g_strdup (self->to);
  return copy;
}

void
cw_contact_free (CwContact *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->role);
  g_free (self->organisation);
  g_free (self->email);
  g_free (self->phone);
  g_strfreev (self->address);
  g_free (self->notes);
  g_free (self->from);
  g_free (self->to);
  g_free (self);
}

gboolean
cw_contact_equal (const CwContact *a,
                  const CwContact *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->role, b->role) == 0 &&
         g_strcmp0 (a->organisation, b->organisation) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->phone, b->phone) == 0 &&
         strv_equal0 (a->address, b->address) &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0;
}

CwTarget *
cw_target_new (void)
{
  return g_new0 (CwTarget, 1);
}

CwTarget *
cw_target_copy (const CwTarget *self)
{
  CwTarget *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = cw_target_new ();
  copy->role = g_strdup (self->role);
  copy->language = g_strdup (self->language);
  copy->title = g_strdup (self->title);
  copy->name = g_strdup (self->name);
  copy->organisation = g_strdup (self->organisation);
  copy->address = g_strdupv (self->address);
  copy->email = g_strdup (self->email);
  copy->salutation = g_strdup (self->salutation);
  return copy;
}

void
cw_target_free (CwTarget *self)
{
  if (self == NULL)
    return;
  g_free (self->role);
  g_free (self->language);
  g_free (self->title);
  g_free (self->name);
  g_free (self->organisation);
  g_strfreev (self->address);
  g_free (self->email);
  g_free (self->salutation);
  g_free (self);
}

gboolean
cw_target_equal (const CwTarget *a,
                 const CwTarget *b)
{
  return g_strcmp0 (a->role, b->role) == 0 &&
         g_strcmp0 (a->language, b->language) == 0 &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->organisation, b->organisation) == 0 &&
         strv_equal0 (a->address, b->address) &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->salutation, b->salutation) == 0;
}

CwModelLetter *
cw_model_letter_new (const char *language,
                     const char *body)
{
  CwModelLetter *self = g_new0 (CwModelLetter, 1);

  self->language = g_strdup (language);
  self->body = g_strdup (body);
  return self;
}

CwModelLetter *
cw_model_letter_copy (const CwModelLetter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cw_model_letter_new (self->language, self->body);
}

void
cw_model_letter_free (CwModelLetter *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self->body);
  g_free (self);
}

gboolean
cw_model_letter_equal (const CwModelLetter *a,
                       const CwModelLetter *b)
{
  return g_strcmp0 (a->language, b->language) == 0 && g_strcmp0 (a->body, b->body) == 0;
}

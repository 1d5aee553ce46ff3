/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The repeated parts of a case, as plain values. A NULL string is a field
 * the casefile did not carry, which is not the same as an empty one: a
 * re-import keeps what a document leaves out.
 */

typedef struct {
  char *scheme;               /* ai-index | ua | internal, or NULL */
  char *value;
} CwReference;

typedef struct {
  char *role;                 /* subject | family | lawyer | other, or NULL */
  char *name;
  char *other_names;
  char *pronouns;
  char *gender;
  char *born;                 /* partial ISO date */
  char *occupation;
  char *notes;
} CwPerson;

typedef struct {
  char *place;
  char *arrested;             /* partial ISO date */
  char *charges;
  char *sentence;
  char *health;
  char *legal_access;         /* yes | no | restricted, or NULL */
  char *legal_access_note;
  char *family_access;
  char *family_access_note;
} CwDetention;

typedef struct {
  char *name;
  char *role;
  char *organisation;
  char *email;
  char *phone;
  GStrv address;              /* address lines, or NULL */
  char *notes;
  char *from;                 /* holders only: partial ISO dates */
  char *to;
} CwContact;

typedef struct {
  char *role;                 /* appeal | copy | solidarity, or NULL */
  char *language;             /* BCP 47 */
  char *title;
  char *name;
  char *organisation;
  GStrv address;
  char *email;
  char *salutation;
} CwTarget;

typedef struct {
  char *language;
  char *body;
} CwModelLetter;

#define CW_TYPE_REFERENCE    (cw_reference_get_type ())
#define CW_TYPE_PERSON       (cw_person_get_type ())
#define CW_TYPE_DETENTION    (cw_detention_get_type ())
#define CW_TYPE_CONTACT      (cw_contact_get_type ())
#define CW_TYPE_TARGET       (cw_target_get_type ())
#define CW_TYPE_MODEL_LETTER (cw_model_letter_get_type ())

GType          cw_reference_get_type    (void);
CwReference   *cw_reference_new         (const char          *scheme,
                                         const char          *value);
CwReference   *cw_reference_copy        (const CwReference   *self);
void           cw_reference_free        (CwReference         *self);
gboolean       cw_reference_equal       (const CwReference   *a,
                                         const CwReference   *b);

GType          cw_person_get_type       (void);
CwPerson      *cw_person_new            (void);
CwPerson      *cw_person_copy           (const CwPerson      *self);
void           cw_person_free           (CwPerson            *self);
gboolean       cw_person_equal          (const CwPerson      *a,
                                         const CwPerson      *b);

GType          cw_detention_get_type    (void);
CwDetention   *cw_detention_new         (void);
CwDetention   *cw_detention_copy        (const CwDetention   *self);
void           cw_detention_free        (CwDetention         *self);
gboolean       cw_detention_equal       (const CwDetention   *a,
                                         const CwDetention   *b);

GType          cw_contact_get_type      (void);
CwContact     *cw_contact_new           (const char          *name);
CwContact     *cw_contact_copy          (const CwContact     *self);
void           cw_contact_free          (CwContact           *self);
gboolean       cw_contact_equal         (const CwContact     *a,
                                         const CwContact     *b);

GType          cw_target_get_type       (void);
CwTarget      *cw_target_new            (void);
CwTarget      *cw_target_copy           (const CwTarget      *self);
void           cw_target_free           (CwTarget            *self);
gboolean       cw_target_equal          (const CwTarget      *a,
                                         const CwTarget      *b);

GType          cw_model_letter_get_type (void);
CwModelLetter *cw_model_letter_new      (const char          *language,
                                         const char          *body);
CwModelLetter *cw_model_letter_copy     (const CwModelLetter *self);
void           cw_model_letter_free     (CwModelLetter       *self);
gboolean       cw_model_letter_equal    (const CwModelLetter *a,
                                         const CwModelLetter *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwReference, cw_reference_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwPerson, cw_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwDetention, cw_detention_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwContact, cw_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwTarget, cw_target_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwModelLetter, cw_model_letter_free)

G_END_DECLS

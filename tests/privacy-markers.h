/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/*
 * The marker words of tests/casefiles/privacy-fixture.xml, each in one
 * place of one case, and what kind of place that is. The privacy tests
 * produce every output Casework has from that fixture and say, for each
 * output, which kinds must be absent and which present: a marker that is
 * present where it must be proves that the absent ones were not simply
 * lost on the way.
 *
 * Markers are single words of letters and digits, so that no output
 * breaks or escapes them, and none is part of another.
 */

#define PRIVACY_FIXTURE  "privacy-fixture.xml"
#define PRIVACY_ALPHA    "0a1b2c3d-0000-4000-8000-00000000a1fa"  /* solidarity forbidden */
#define PRIVACY_BETA     "0a1b2c3d-0000-4000-8000-00000000be7a"  /* solidarity allowed */
#define PRIVACY_YEAR     2025

typedef enum {
  MARK_TITLE          = 1 << 0,   /* case titles */
  MARK_PUBLIC_ENTRY   = 1 << 1,   /* entries not marked private */
  MARK_HOLDER_NAME    = 1 << 2,   /* casefile holders' names */
  MARK_LETTER         = 1 << 3,   /* appeal targets, model letters */
  MARK_COORD_PUBLIC   = 1 << 4,   /* coordinator: name, role, organisation, address, notes */
  MARK_SOLIDARITY_OK  = 1 << 5,   /* the solidarity target of a case that allows it */
  MARK_SOLIDARITY_NO  = 1 << 6,   /* the solidarity target of a case that forbids it */
  MARK_SAFETY         = 1 << 7,   /* safety notes */
  MARK_HOLDER_DETAIL  = 1 << 8,   /* holders: all but the name */
  MARK_COORD_REACH    = 1 << 9,   /* coordinator: email and phone */
  MARK_PRIVATE        = 1 << 10,  /* private entries: title, notes, count */
} MarkKind;

#define MARK_ALL ((MarkKind) ((MARK_PRIVATE << 1) - 1))

/* What casefile-format.md § Scope says a public document leaves out. */
#define MARK_NOT_PUBLIC (MARK_SAFETY | MARK_HOLDER_DETAIL | MARK_COORD_REACH | MARK_PRIVATE)

/* Contact details: only casefile documents carry them. */
#define MARK_CONTACTS (MARK_HOLDER_DETAIL | MARK_COORD_REACH | MARK_COORD_PUBLIC)

typedef struct {
  const char *word;
  MarkKind kind;
} PrivacyMarker;

static const PrivacyMarker privacy_markers[] = {
  { "MkTitleAlpha", MARK_TITLE },
  { "MkTitleBeta", MARK_TITLE },

  { "MkPublicLetterAlpha", MARK_PUBLIC_ENTRY },
  { "MkPublicOutcomeAlpha", MARK_PUBLIC_ENTRY },
  { "MkPublicOutcomeNotesAlpha", MARK_PUBLIC_ENTRY },
  { "MkPublicPetitionBeta", MARK_PUBLIC_ENTRY },

  { "MkHolderNameAlpha", MARK_HOLDER_NAME },
  { "MkHolderNameBeta", MARK_HOLDER_NAME },

  { "MkAppealTargetAlpha", MARK_LETTER },
  { "MkModelLetterAlpha", MARK_LETTER },
  { "MkAppealTargetBeta", MARK_LETTER },
  { "MkModelLetterBeta", MARK_LETTER },

  { "MkCoordNameAlpha", MARK_COORD_PUBLIC },
  { "MkCoordRoleAlpha", MARK_COORD_PUBLIC },
  { "MkCoordOrgAlpha", MARK_COORD_PUBLIC },
  { "MkCoordAddressAlpha", MARK_COORD_PUBLIC },
  { "MkCoordNotesAlpha", MARK_COORD_PUBLIC },
  { "MkCoordNameBeta", MARK_COORD_PUBLIC },

  { "MkSolidarityNameBeta", MARK_SOLIDARITY_OK },
  { "MkSolidarityAddressBeta", MARK_SOLIDARITY_OK },

  { "MkSolidarityNameAlpha", MARK_SOLIDARITY_NO },
  { "MkSolidarityAddressAlpha", MARK_SOLIDARITY_NO },

  { "MkSafetyNoteAlphaOne", MARK_SAFETY },
  { "MkSafetyNoteAlphaTwo", MARK_SAFETY },
  { "MkSafetyNoteBeta", MARK_SAFETY },

  { "MkHolderRoleAlpha", MARK_HOLDER_DETAIL },
  { "MkHolderOrgAlpha", MARK_HOLDER_DETAIL },
  { "mkholderemailalpha", MARK_HOLDER_DETAIL },
  { "MkHolderPhoneAlpha", MARK_HOLDER_DETAIL },
  { "MkHolderAddressAlpha", MARK_HOLDER_DETAIL },
  { "MkHolderNotesAlpha", MARK_HOLDER_DETAIL },
  { "mkholderemailbeta", MARK_HOLDER_DETAIL },
  { "MkHolderPhoneBeta", MARK_HOLDER_DETAIL },
  { "MkHolderAddressBeta", MARK_HOLDER_DETAIL },

  { "mkcoordemailalpha", MARK_COORD_REACH },
  { "MkCoordPhoneAlpha", MARK_COORD_REACH },
  { "mkcoordemailbeta", MARK_COORD_REACH },
  { "MkCoordPhoneBeta", MARK_COORD_REACH },

  { "MkPrivateLetterAlpha", MARK_PRIVATE },
  { "48271", MARK_PRIVATE },                  /* the private letters' count */
  { "MkPrivateOutcomeAlpha", MARK_PRIVATE },
  { "MkPrivateOutcomeNotesAlpha", MARK_PRIVATE },
  { "MkPrivateUpdateAlpha", MARK_PRIVATE },
  { "MkPrivateUpdateNotesAlpha", MARK_PRIVATE },
  { "MkPrivateUpdateBeta", MARK_PRIVATE },
  { "MkPrivateUpdateNotesBeta", MARK_PRIVATE },
};

/* The words of the kinds in @kinds. */
static inline GPtrArray *
privacy_markers_of (MarkKind kinds)
{
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (privacy_markers); i++)
    if ((privacy_markers[i].kind & kinds) != 0)
      g_ptr_array_add (words, (gpointer) privacy_markers[i].word);
  return words;
}

/* Every marker of @absent is missing from @text and every marker of
 * @present is in it; @what names the output in the message. Each
 * failure is reported, and the test fails. */
static inline void
privacy_assert_markers (const char *what,
                        const char *text,
                        MarkKind    absent,
                        MarkKind    present)
{
  guint failures = 0;

  g_assert_nonnull (text);
  g_assert_cmpint (absent & present, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (privacy_markers); i++)
    {
      const PrivacyMarker *marker = &privacy_markers[i];
      gboolean found = strstr (text, marker->word) != NULL;

      if ((marker->kind & absent) != 0 && found)
        {
          g_test_message ("LEAK: %s holds %s", what, marker->word);
          failures++;
        }
      else if ((marker->kind & present) != 0 && !found)
        {
          g_test_message ("%s lacks %s, which it should hold", what, marker->word);
          failures++;
        }
    }

  if (failures > 0)
    g_test_fail_printf ("%s: %u marker(s) where they must not be, or missing where they "
                        "must be (see the messages above)", what, failures);
}

G_END_DECLS

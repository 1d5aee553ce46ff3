/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/parser.h>

#include "cw-case.h"
#include "cw-casefile.h"
#include "cw-entry.h"

G_BEGIN_DECLS

/* Which parts of a case a document carried. On re-import, what a document
 * carries replaces what is stored and what it leaves out is kept. */
typedef enum {
  CW_CASEFILE_HAS_KIND          = 1 << 0,
  CW_CASEFILE_HAS_TYPE          = 1 << 1,
  CW_CASEFILE_HAS_STATUS        = 1 << 2,
  CW_CASEFILE_HAS_MODIFIED      = 1 << 3,
  CW_CASEFILE_HAS_REFERENCES    = 1 << 4,
  CW_CASEFILE_HAS_URGENT_ACTION = 1 << 5,
  CW_CASEFILE_HAS_REGION        = 1 << 6,
  CW_CASEFILE_HAS_THEMES        = 1 << 7,
  CW_CASEFILE_HAS_OPENED        = 1 << 8,
  CW_CASEFILE_HAS_CLOSED        = 1 << 9,
  CW_CASEFILE_HAS_PEOPLE        = 1 << 10,
  CW_CASEFILE_HAS_DETENTION     = 1 << 11,
  CW_CASEFILE_HAS_BACKGROUND    = 1 << 12,
  CW_CASEFILE_HAS_PUBLIC_ACTION = 1 << 13,
  CW_CASEFILE_HAS_SAFETY_NOTES  = 1 << 14,
  CW_CASEFILE_HAS_COORDINATOR   = 1 << 15,
  CW_CASEFILE_HAS_HOLDERS       = 1 << 16,
  CW_CASEFILE_HAS_TARGETS       = 1 << 17,
  CW_CASEFILE_HAS_ACTIONS       = 1 << 18,
  CW_CASEFILE_HAS_MODEL_LETTERS = 1 << 19,
  CW_CASEFILE_HAS_SOLIDARITY    = 1 << 20,
} CwCasefileParts;

/* Which of an entry's optional parts a document carried: on re-import, an
 * entry keeps its stored kind, count, privacy and notes where the document
 * leaves them out. Its date, title and category (whose absence means
 * "activity") always come from the document. */
typedef enum {
  CW_CASEFILE_ENTRY_HAS_KIND    = 1 << 0,
  CW_CASEFILE_ENTRY_HAS_COUNT   = 1 << 1,
  CW_CASEFILE_ENTRY_HAS_PRIVATE = 1 << 2,
  CW_CASEFILE_ENTRY_HAS_NOTES   = 1 << 3,
} CwCasefileEntryParts;

typedef struct {
  CwCase *kase;          /* title, country and summary are always there */
  GPtrArray *entries;    /* CwEntry, in document order */
  GArray *entry_parts;   /* CwCasefileEntryParts, one for each entry; %NULL
                          * for a case not read from a document: all carried */
  CwCasefileParts parts;
  int line;
} CwCasefileCase;

typedef struct {
  char *name;            /* how messages name the file */
  char *version;
  CwCasefileScope scope;
  char *source_organisation;
  GPtrArray *cases;      /* CwCasefileCase */
  GPtrArray *warnings;   /* char *, "FILE:LINE: message" */
} CwCasefile;

/* Takes @item, which it owns from then on. */
typedef void (*CwCasefileCaseFunc) (const CwCasefile *casefile,
                                    CwCasefileCase   *item,
                                    gpointer          user_data);

CwCasefile *cw_casefile_read       (GBytes      *bytes,
                                    const char  *name,
                                    GError     **error);
CwCasefile *cw_casefile_read_with_limit (GBytes  *bytes,
                                         const char *name,
                                         gsize    max_bytes,
                                         GError **error);
CwCasefile *cw_casefile_read_file  (GFile       *file,
                                    GError     **error);
CwCasefile *cw_casefile_read_file_each (GFile              *file,
                                        CwCasefileCaseFunc  case_func,
                                        gpointer            case_data,
                                        GError            **error);
void        cw_casefile_free       (CwCasefile  *self);
void        cw_casefile_case_free  (CwCasefileCase *item);

/* Deliberately without NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or
 * HUGE: entities stay unexpanded, no DTD is read, libxml2's size and depth
 * limits stay on. */
#define CW_CASEFILE_PARSE_OPTIONS \
  (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | \
   XML_PARSE_BIG_LINES)

xmlDoc     *cw_casefile_parse_stream (xmlParserCtxt *ctxt,
                                      GInputStream  *in,
                                      const char    *name,
                                      int            options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CwCasefile, cw_casefile_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cw-casefile"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <string.h>

#include "cw-casefile-reader.h"
#include "cw-date.h"
#include "cw-enums.h"

/*
 * Reading a casefile document, defensively: the file may come from anyone.
 * The bytes are checked before parsing (size, compression, UTF-8); the
 * parser never loads DTDs or external entities, never substitutes entities,
 * and stops at a <!DOCTYPE> or an entity declaration; the tree is validated
 * against data/casefile.rng; what the schema cannot say (real dates, unique
 * ids, counts, kinds) is checked last. Only then is anything turned into cases.
 */

typedef struct {
  const char *name;
  GError *error;          /* the first problem met */
  GPtrArray *warnings;
  GHashTable *ids;        /* every id seen, to refuse repeats */
} ReadContext;

typedef struct {
  const char *element;
  const char * const *attributes;
  const char * const *children;
} KnownElement;

/* The 1.0 vocabulary, for telling what a newer minor version added. */
#define NAMES(...) (const char * const[]) { __VA_ARGS__, NULL }
#define NONE (const char * const[]) { NULL }

static const KnownElement known_elements[] = {
  { "casefile", NAMES ("version", "exported", "generator", "scope"), NAMES ("source", "case") },
  { "source", NONE, NAMES ("organisation", "issued", "contact") },
  { "contact", NONE, NAMES ("name", "role", "organisation", "email", "phone", "address", "notes") },
  { "coordinator", NONE, NAMES ("name", "role", "organisation", "email", "phone", "address", "notes") },
  { "holder", NAMES ("from", "to"),
    NAMES ("name", "role", "organisation", "email", "phone", "address", "notes") },
  { "address", NONE, NAMES ("line") },
  { "case", NAMES ("id", "kind", "type", "status", "modified"),
    NAMES ("title", "reference", "urgent-action", "country", "region", "theme", "opened", "closed",
           "person", "detention", "summary", "background", "safety", "coordinator", "holder",
           "target", "recommended-action", "model-letter", "entry") },
  { "reference", NAMES ("scheme"), NONE },
  { "urgent-action", NAMES ("number", "issued", "deadline", "sequence"), NONE },
  { "country", NAMES ("code"), NONE },
  { "closed", NAMES ("outcome"), NONE },
  { "person", NAMES ("role"),
    NAMES ("name", "other-names", "pronouns", "gender", "born", "occupation", "notes") },
  { "detention", NONE,
    NAMES ("place", "arrested", "charges", "sentence", "health", "legal-access", "family-access") },
  { "safety", NAMES ("public-action", "solidarity"), NAMES ("note") },
  { "target", NAMES ("role", "language"),
    NAMES ("title", "name", "organisation", "address", "email", "salutation") },
  { "model-letter", NAMES ("language"), NONE },
  { "entry", NAMES ("id", "date", "category", "kind", "count", "private"), NAMES ("title", "notes") },
};

#undef NAMES
#undef NONE

static void
cw_casefile_case_free (CwCasefileCase *item)
{
  g_clear_object (&item->kase);
  g_clear_pointer (&item->entries, g_ptr_array_unref);
  g_free (item);
}

void
cw_casefile_free (CwCasefile *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->version);
  g_free (self->source_organisation);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_free (self);
}

/* Errors and warnings, each with where it is. */

G_GNUC_PRINTF (4, 0)
static void
fail_with (ReadContext *ctx,
           int          code,
           char        *location,
           const char  *format,
           va_list      args)
{
  g_autofree char *where = location;
  g_autofree char *message = NULL;

  if (ctx->error != NULL)
    return;

  message = g_strdup_vprintf (format, args);
  ctx->error = g_error_new (CW_CASEFILE_ERROR, code, "%s: %s", where, message);
}

/* "NAME:LINE: message", at an element */
G_GNUC_PRINTF (4, 5)
static void
fail_at (ReadContext *ctx,
         xmlNode     *node,
         int          code,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup_printf ("%s:%ld", ctx->name, xmlGetLineNo (node)), format, args);
  va_end (args);
}

/* "NAME:LINE: message" */
G_GNUC_PRINTF (4, 5)
static void
fail_at_line (ReadContext *ctx,
              int          line,
              int          code,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup_printf ("%s:%d", ctx->name, line), format, args);
  va_end (args);
}

/* "NAME:LINE:COLUMN: message", where the parser stopped */
G_GNUC_PRINTF (5, 6)
static void
fail_at_position (ReadContext *ctx,
                  int          line,
                  int          column,
                  int          code,
                  const char  *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup_printf ("%s:%d:%d", ctx->name, line, column), format, args);
  va_end (args);
}

/* "NAME: message", about the file as a whole */
G_GNUC_PRINTF (3, 4)
static void
fail (ReadContext *ctx,
      int          code,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fail_with (ctx, code, g_strdup (ctx->name), format, args);
  va_end (args);
}

G_GNUC_PRINTF (3, 4)
static void
warn_at (ReadContext *ctx,
         xmlNode     *node,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (ctx->warnings,
                   g_strdup_printf ("%s:%ld: %s", ctx->name, xmlGetLineNo (node), message));
}

/* The parser, locked down. */

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Nothing outside the document is ever read: no DTD, no entity, no URL. */
  return NULL;
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

typedef struct {
  ReadContext *ctx;
  gboolean forbidden;
  int line;
  int column;
  char *message;
} ParseState;

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->message != NULL || state->forbidden || error->level < XML_ERR_ERROR)
    return;

  state->line = error->line;
  state->column = error->int2;
  state->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (!state->forbidden)
    {
      state->forbidden = TRUE;
      g_free (state->message);
      state->line = xmlSAX2GetLineNumber (ctxt);
      state->column = xmlSAX2GetColumnNumber (ctxt);
      state->message = g_strdup_printf (_("the document declares the entity “%s”; casefiles "
                                          "may not declare entities, so it was not read"),
                                        (const char *) name);
    }
  xmlStopParser (ctxt);
}

/* A <!DOCTYPE> is refused whole, before its internal subset is read: besides
 * entities it can declare default attribute values, which the parser would
 * hand to the reader without the schema ever seeing them, and it can name
 * an external DTD. Casefiles never have one. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (!state->forbidden)
    {
      state->forbidden = TRUE;
      g_free (state->message);
      state->line = xmlSAX2GetLineNumber (ctxt);
      state->column = xmlSAX2GetColumnNumber (ctxt);
      state->message = g_strdup (_("the document has a document type declaration "
                                   "(<!DOCTYPE>), which can declare entities and hidden "
                                   "default values; casefiles may not have one, so it was "
                                   "not read"));
    }
  xmlStopParser (ctxt);
}

static const char *
describe_parse_error (const char *libxml_message)
{
  if (strstr (libxml_message, "Premature end") != NULL ||
      strstr (libxml_message, "EndTag") != NULL ||
      strstr (libxml_message, "not properly terminated") != NULL ||
      strstr (libxml_message, "Extra content") != NULL)
    return _("the document is cut short or broken (is the file complete?)");
  if (strstr (libxml_message, "Detected an entity reference loop") != NULL ||
      strstr (libxml_message, "Entity") != NULL)
    return _("the document uses entities, which casefiles may not use");
  if (strstr (libxml_message, "Excessive depth") != NULL)
    return _("the document is nested too deeply to be a casefile");
  return NULL;
}

static xmlDoc *
parse_bytes (ReadContext *ctx,
             const char  *data,
             gsize        size)
{
  ParseState state = { ctx };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  const char *words;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      fail (ctx, CW_CASEFILE_ERROR_IO, "%s", _("out of memory"));
      return NULL;
    }
  ctxt->_private = &state;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->entityDecl = entity_decl_cb;
  ctxt->sax->internalSubset = internal_subset_cb;

  /* Deliberately without NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE or
   * HUGE: entities stay unexpanded, no DTD is read, libxml2's size and depth
   * limits stay on. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, ctx->name, "UTF-8",
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                           XML_PARSE_NOCDATA);

  if (state.forbidden)
    fail_at_position (ctx, state.line, state.column, CW_CASEFILE_ERROR_FORBIDDEN, "%s",
                      state.message);
  else if (doc == NULL || !ctxt->wellFormed)
    {
      words = state.message != NULL ? describe_parse_error (state.message) : NULL;
      fail_at_position (ctx, state.line, state.column, CW_CASEFILE_ERROR_MALFORMED, "%s%s%s%s",
               words != NULL ? words : _("this is not well-formed XML"),
               state.message != NULL ? " (" : "",
               state.message != NULL ? state.message : "",
               state.message != NULL ? ")" : "");
    }

  g_free (state.message);
  xmlFreeParserCtxt (ctxt);

  if (ctx->error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  return doc;
}

/* Before parsing: what the bytes alone can tell. */
static gboolean
check_bytes (ReadContext *ctx,
             const char  *data,
             gsize        size,
             gsize        max_size)
{
  const char *end = NULL;

  if (size > max_size)
    {
      fail (ctx, CW_CASEFILE_ERROR_TOO_LARGE,
               _("the file is %" G_GSIZE_FORMAT " bytes; Casework reads casefiles of up to "
                 "%" G_GSIZE_FORMAT " bytes"), size, max_size);
      return FALSE;
    }

  if (size >= 2 && (guchar) data[0] == 0x1f && (guchar) data[1] == 0x8b)
    {
      fail (ctx, CW_CASEFILE_ERROR_NOT_CASEFILE, "%s",
            _("the file is compressed; unpack it and import the XML document inside"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, size, &end))
    {
      int line = 1, column = 1;

      for (const char *p = data; p < end; p++)
        {
          if (*p == '\n')
            line++, column = 1;
          else if (((guchar) *p & 0xc0) != 0x80)
            column++;
        }
      fail_at_position (ctx, line, column, CW_CASEFILE_ERROR_MALFORMED, "%s",
                        _("the text is not valid UTF-8; casefiles are always written in UTF-8"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_casefile_node (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, CW_CASEFILE_NAMESPACE) == 0;
}

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return is_casefile_node (node) && g_strcmp0 ((const char *) node->name, name) == 0;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The root, its namespace and its version. Returns the minor version. */
static int
check_root (ReadContext *ctx,
            xmlDoc      *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *version = NULL;
  guint64 major = 0, minor = 0;
  g_auto(GStrv) parts = NULL;

  if (root == NULL)
    {
      fail (ctx, CW_CASEFILE_ERROR_NOT_CASEFILE, "%s", _("the document is empty"));
      return -1;
    }

  if (g_strcmp0 ((const char *) root->name, "casefile") != 0)
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_NOT_CASEFILE,
               _("this is not a casefile document: it starts with <%s>, not <casefile>"),
               (const char *) root->name);
      return -1;
    }

  if (!is_casefile_node (root))
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_NOT_CASEFILE,
               _("this is not a casefile document: <casefile> is not in the namespace %s"),
               CW_CASEFILE_NAMESPACE);
      return -1;
    }

  version = get_attr (root, "version");
  if (version == NULL)
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_INVALID, "%s",
               _("the document does not say which version of the casefile format it is"));
      return -1;
    }

  parts = g_strsplit (version, ".", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 999, &major, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 999, &minor, NULL))
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_VERSION,
               _("“%s” is not a version of the casefile format"), version);
      return -1;
    }

  if (major != 1)
    {
      fail_at (ctx, root, CW_CASEFILE_ERROR_VERSION,
               _("the document is in version %s of the casefile format; this Casework reads "
                 "version 1 documents only"), version);
      return -1;
    }

  return (int) minor;
}

static const KnownElement *
find_known (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_elements); i++)
    if (g_strcmp0 (known_elements[i].element, name) == 0)
      return &known_elements[i];
  return NULL;
}

static gboolean
name_in (const char         *name,
         const char * const *names)
{
  return g_strv_contains (names, name);
}

/* Removes what this reader does not know: elements and attributes of other
 * namespaces always, and in a newer minor version the casefile namespace's
 * additions. Each removal is a warning. */
static void
strip_unknown (ReadContext *ctx,
               xmlNode     *element,
               gboolean     newer_minor)
{
  const KnownElement *known = find_known ((const char *) element->name);
  xmlAttr *attr = element->properties;
  xmlNode *child = element->children;

  while (attr != NULL)
    {
      xmlAttr *next = attr->next;
      gboolean foreign = attr->ns != NULL;
      gboolean unknown = !foreign && newer_minor &&
                         (known == NULL || !name_in ((const char *) attr->name, known->attributes));

      if (foreign || unknown)
        {
          warn_at (ctx, element, _("the attribute “%s” of <%s> is not known to this Casework "
                                   "and was ignored"),
                   (const char *) attr->name, (const char *) element->name);
          xmlRemoveProp (attr);
        }
      attr = next;
    }

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ELEMENT_NODE)
        {
          gboolean foreign = !is_casefile_node (child);
          gboolean unknown = !foreign && newer_minor &&
                             (known == NULL ||
                              !name_in ((const char *) child->name, known->children));

          if (foreign || unknown)
            {
              if (foreign)
                warn_at (ctx, child, _("<%s> is from another vocabulary and was ignored"),
                         (const char *) child->name);
              else
                warn_at (ctx, child, _("<%s> is from a newer version of the casefile format "
                                       "and was ignored"), (const char *) child->name);
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          else
            strip_unknown (ctx, child, newer_minor);
        }
      child = next;
    }
}

/* Validation against data/casefile.rng, compiled once. */

extern GResource *casework_core_get_resource (void);

static xmlRelaxNGPtr
get_schema (void)
{
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxtPtr parser;
      xmlRelaxNGPtr compiled;
      gsize size;
      const char *data;

      bytes = g_resource_lookup_data (casework_core_get_resource (),
                                      "/org/example/Casework/core/casefile.rng",
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);
      data = g_bytes_get_data (bytes, &size);
      parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
      compiled = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert (compiled != NULL);
      g_once_init_leave (&schema, compiled);
    }

  return schema;
}

/* Values, after validation: the checks the schema cannot make. */

static char *
get_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup ((const char *) content));

  xmlFree (content);
  return text;
}

typedef struct {
  int line;
  xmlNode *node;
  char *message;
} ValidationError;

static void
validation_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  ValidationError *first = user_data;

  if (first->message != NULL)
    return;
  first->node = error->node;
  first->line = first->node != NULL ? (int) xmlGetLineNo (first->node) : error->line;
  first->message = g_strchomp (g_strdup (error->message != NULL ? error->message : ""));
}

static const char * const date_attributes[] = { "date", "issued", "deadline", "from", "to", NULL };
static const char * const date_elements[] = { "issued", "opened", "closed", "born", "arrested", NULL };

static gboolean
is_canonical_uuid (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);

  return g_uuid_string_is_valid (text) && g_str_equal (lower, text);
}

static const struct {
  const char *element;
  const char *attribute;
  const char *values;
} enumerations[] = {
  { "casefile", "scope", "full|public" },
  { "case", "kind", "individual|group|community" },
  { "case", "type", "long-term|urgent-action" },
  { "case", "status", "active|paused|closed" },
  { "reference", "scheme", "ai-index|ua|internal" },
  { "closed", "outcome", "released|resolved|relinquished|ended" },
  { "person", "role", "subject|family|lawyer|other" },
  { "safety", "public-action", "allowed|restricted|forbidden" },
  { "safety", "solidarity", "allowed|forbidden" },
  { "target", "role", "appeal|copy|solidarity" },
  { "entry", "category", "activity|outcome|update" },
  { "entry", "private", "true|false" },
};

static char *
explain_enumeration (xmlNode    *node,
                     const char *name,
                     const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enumerations); i++)
    {
      g_auto(GStrv) values = NULL;

      if (!g_str_equal ((const char *) node->name, enumerations[i].element) ||
          !g_str_equal (name, enumerations[i].attribute))
        continue;

      values = g_strsplit (enumerations[i].values, "|", -1);
      if (g_strv_contains ((const char * const *) values, value))
        return NULL;

      {
        g_autofree char *allowed = g_strjoinv (", ", values);

        return g_strdup_printf (_("“%s” is not a %s of <%s>: use one of %s"),
                                value, name, (const char *) node->name, allowed);
      }
    }
  return NULL;
}

/* Says in plain words what is wrong with an attribute, when it can. */
static char *
explain_attribute (xmlNode *node,
                   xmlAttr *attr)
{
  const char *name = (const char *) attr->name;
  g_autofree char *value = get_attr (node, name);
  char *explanation;

  if (value == NULL)
    return NULL;

  if (g_strv_contains (date_attributes, name) && !cw_date_is_valid_iso (value))
    return g_strdup_printf (_("the %s %s of <%s> is not a real date (write YYYY-MM-DD, YYYY-MM "
                              "or YYYY)"), name, value, (const char *) node->name);
  if (g_str_equal (name, "id") && !is_canonical_uuid (value))
    return g_strdup_printf (_("“%s” is not an id: ids are UUIDs written in lower case, such as "
                              "0b5c6a3e-2f4d-4c8e-9d1a-6f7e8a9b0c1d"), value);
  if (g_str_equal (name, "count") &&
      !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, NULL, NULL))
    return g_strdup_printf (_("the count %s is not a whole number of 0 or more"), value);
  if ((explanation = explain_enumeration (node, name, value)) != NULL)
    return explanation;
  if ((g_str_equal (name, "exported") || g_str_equal (name, "modified")) &&
      !cw_timestamp_is_valid (value))
    return g_strdup_printf (_("the time %s is not a real moment (write YYYY-MM-DDTHH:MM:SSZ)"),
                            value);
  return NULL;
}

/* The schema's own words are technical; where the problem is a value we
 * know, say what is wrong with it instead. */
static char *
explain_invalid (xmlNode *node)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      char *explanation = explain_attribute (node, attr);

      if (explanation != NULL)
        return explanation;
    }

  if (g_strv_contains (date_elements, (const char *) node->name))
    {
      g_autofree char *text = get_text (node);

      if (!cw_date_is_valid_iso (text))
        return g_strdup_printf (_("the date %s in <%s> is not a real date (write YYYY-MM-DD, "
                                  "YYYY-MM or YYYY)"), text, (const char *) node->name);
    }

  return NULL;
}

static const struct {
  const char *element;
  const char *child;
} required_children[] = {
  { "casefile", "case" },
  { "case", "title" },
  { "case", "country" },
  { "case", "summary" },
  { "entry", "title" },
  { "person", "name" },
  { "target", "address" },
  { "target", "salutation" },
};

/* Required text that may not be blank either: the store needs a case's and
 * an entry's title, and the writer cannot export a person, coordinator or
 * holder without a name or a letter target without a salutation, so a
 * document with one blank would go in and never come out again. */
static const struct {
  const char *element;
  const char *child;
} required_text[] = {
  { "case", "title" },
  { "entry", "title" },
  { "person", "name" },
  { "coordinator", "name" },
  { "holder", "name" },
  { "target", "salutation" },
};

static gboolean
has_child (xmlNode    *node,
           const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, name))
      return TRUE;
  return FALSE;
}

static xmlNode *
find_blank_child (xmlNode    *node,
                  const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, name))
      {
        g_autofree char *text = get_text (child);

        if (*text == '\0')
          return child;
      }
  return NULL;
}

/* Before the schema: the common mistakes, in words a casefile holder
 * understands. This only ever refuses; the schema still has the last word. */
static void
explain_common_mistakes (ReadContext *ctx,
                         xmlNode     *node)
{
  g_autofree char *explanation = explain_invalid (node);

  if (explanation != NULL)
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, "%s", explanation);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (required_children); i++)
    if (g_str_equal ((const char *) node->name, required_children[i].element) &&
        !has_child (node, required_children[i].child))
      {
        fail_at (ctx, node, CW_CASEFILE_ERROR_INVALID, _("<%s> has no <%s>, which it needs"),
                 required_children[i].element, required_children[i].child);
        return;
      }

  for (guint i = 0; i < G_N_ELEMENTS (required_text); i++)
    if (g_str_equal ((const char *) node->name, required_text[i].element))
      {
        xmlNode *blank = find_blank_child (node, required_text[i].child);

        if (blank != NULL)
          {
            fail_at (ctx, blank, CW_CASEFILE_ERROR_INVALID,
                     _("<%s> in <%s> is empty; it needs some text"),
                     required_text[i].child, required_text[i].element);
            return;
          }
      }

  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    if (is_casefile_node (child))
      explain_common_mistakes (ctx, child);
}

static gboolean
validate (ReadContext *ctx,
          xmlDoc      *doc)
{
  ValidationError first = { 0 };
  xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (get_schema ());
  g_autofree char *explanation = NULL;
  int result;

  xmlRelaxNGSetValidStructuredErrors (vctxt, validation_error_cb, &first);
  result = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);

  if (result == 0)
    return TRUE;

  explanation = explain_invalid (first.node);
  if (explanation != NULL)
    fail_at_line (ctx, first.line, CW_CASEFILE_ERROR_VALUE, "%s", explanation);
  else
    fail_at_line (ctx, first.line, CW_CASEFILE_ERROR_INVALID,
                  _("the document does not follow the casefile format: %s"),
                  first.message != NULL ? first.message : _("unknown problem"));
  g_free (first.message);
  return FALSE;
}

static char *
date_attr (ReadContext *ctx,
           xmlNode     *node,
           const char  *name,
           const char  *what)
{
  g_autofree char *value = get_attr (node, name);

  if (value != NULL && !cw_date_is_valid_iso (value))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, _("%s %s is not a real date"), what, value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static char *
date_text (ReadContext *ctx,
           xmlNode     *node,
           const char  *what)
{
  g_autofree char *value = get_text (node);

  if (!cw_date_is_valid_iso (value))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, _("%s %s is not a real date"), what, value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static char *
timestamp_attr (ReadContext *ctx,
                xmlNode     *node,
                const char  *name)
{
  g_autofree char *value = get_attr (node, name);

  if (value != NULL && !cw_timestamp_is_valid (value))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
               _("the time %s is not a real moment (write YYYY-MM-DDTHH:MM:SSZ)"), value);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static void
check_id (ReadContext *ctx,
          xmlNode     *node,
          const char  *id)
{
  if (g_hash_table_contains (ctx->ids, id))
    {
      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
               _("the id %s is used twice in this document"), id);
      return;
    }
  g_hash_table_add (ctx->ids, g_strdup (id));
}

static GStrv
read_address (xmlNode *address)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (xmlNode *line = address->children; line != NULL; line = line->next)
    if (node_is (line, "line"))
      {
        g_autofree char *text = get_text (line);

        g_strv_builder_add (builder, text);
      }

  return g_strv_builder_end (builder);
}

static CwContact *
read_contact (xmlNode *node)
{
  CwContact *contact = cw_contact_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "name"))
        contact->name = get_text (child);
      else if (node_is (child, "role"))
        contact->role = get_text (child);
      else if (node_is (child, "organisation"))
        contact->organisation = get_text (child);
      else if (node_is (child, "email"))
        contact->email = get_text (child);
      else if (node_is (child, "phone"))
        contact->phone = get_text (child);
      else if (node_is (child, "address"))
        contact->address = read_address (child);
      else if (node_is (child, "notes"))
        contact->notes = get_text (child);
    }
  return contact;
}

static CwPerson *
read_person (ReadContext *ctx,
             xmlNode     *node)
{
  CwPerson *person = cw_person_new ();

  person->role = get_attr (node, "role");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "name"))
        person->name = get_text (child);
      else if (node_is (child, "other-names"))
        person->other_names = get_text (child);
      else if (node_is (child, "pronouns"))
        person->pronouns = get_text (child);
      else if (node_is (child, "gender"))
        person->gender = get_text (child);
      else if (node_is (child, "born"))
        person->born = date_text (ctx, child, _("the date of birth"));
      else if (node_is (child, "occupation"))
        person->occupation = get_text (child);
      else if (node_is (child, "notes"))
        person->notes = get_text (child);
    }
  return person;
}

/* "restricted: one visit only" → "restricted" and "one visit only" */
static void
read_access (xmlNode  *node,
             char    **value,
             char    **note)
{
  g_autofree char *text = get_text (node);
  char *colon = strchr (text, ':');

  if (colon != NULL)
    {
      *colon = '\0';
      *note = g_strstrip (g_strdup (colon + 1));
    }
  *value = g_strstrip (g_strdup (text));
}

static CwDetention *
read_detention (ReadContext *ctx,
                xmlNode     *node)
{
  CwDetention *detention = cw_detention_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "place"))
        detention->place = get_text (child);
      else if (node_is (child, "arrested"))
        detention->arrested = date_text (ctx, child, _("the date of arrest"));
      else if (node_is (child, "charges"))
        detention->charges = get_text (child);
      else if (node_is (child, "sentence"))
        detention->sentence = get_text (child);
      else if (node_is (child, "health"))
        detention->health = get_text (child);
      else if (node_is (child, "legal-access"))
        read_access (child, &detention->legal_access, &detention->legal_access_note);
      else if (node_is (child, "family-access"))
        read_access (child, &detention->family_access, &detention->family_access_note);
    }
  return detention;
}

static CwTarget *
read_target (xmlNode *node)
{
  CwTarget *target = cw_target_new ();

  target->role = get_attr (node, "role");
  target->language = get_attr (node, "language");
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "title"))
        target->title = get_text (child);
      else if (node_is (child, "name"))
        target->name = get_text (child);
      else if (node_is (child, "organisation"))
        target->organisation = get_text (child);
      else if (node_is (child, "address"))
        target->address = read_address (child);
      else if (node_is (child, "email"))
        target->email = get_text (child);
      else if (node_is (child, "salutation"))
        target->salutation = get_text (child);
    }
  return target;
}

static CwEntry *
read_entry (ReadContext *ctx,
            xmlNode     *node,
            const char  *case_id)
{
  g_autoptr(CwEntry) entry = cw_entry_new ();
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *date = date_attr (ctx, node, "date", _("the entry’s date"));
  g_autofree char *category = get_attr (node, "category");
  g_autofree char *kind = get_attr (node, "kind");
  g_autofree char *count = get_attr (node, "count");
  g_autofree char *is_private = get_attr (node, "private");
  int category_value = CW_ENTRY_CATEGORY_ACTIVITY;

  check_id (ctx, node, id);
  cw_entry_set_id (entry, id);
  cw_entry_set_case_id (entry, case_id);
  cw_entry_set_date (entry, date);

  if (category != NULL)
    cw_enum_from_nick (CW_TYPE_ENTRY_CATEGORY, category, &category_value);
  cw_entry_set_category (entry, category_value);

  if (kind != NULL && !cw_entry_kind_is_valid (category_value, kind))
    {
      g_autofree char *kinds = g_strjoinv (", ", (GStrv) cw_entry_kinds (category_value));

      fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE, _("“%s” is not a kind of %s; the kinds are: %s"),
               kind, cw_enum_to_nick (CW_TYPE_ENTRY_CATEGORY, category_value), kinds);
    }
  cw_entry_set_kind (entry, kind);

  if (count != NULL)
    {
      guint64 value = 0;

      if (!g_ascii_string_to_unsigned (count, 10, 0, G_MAXINT32, &value, NULL))
        fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
                 _("the count %s is not a number from 0 to %d"), count, G_MAXINT32);
      cw_entry_set_count (entry, (gint64) value);
    }

  cw_entry_set_private (entry, g_strcmp0 (is_private, "true") == 0);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (node_is (child, "title"))
        {
          g_autofree char *title = get_text (child);
          cw_entry_set_title (entry, title);
        }
      else if (node_is (child, "notes"))
        {
          g_autofree char *notes = get_text (child);
          cw_entry_set_notes (entry, notes);
        }
    }

  return g_steal_pointer (&entry);
}

static void
read_case_attributes (ReadContext    *ctx,
                      xmlNode        *node,
                      CwCasefileCase *item)
{
  g_autofree char *id = get_attr (node, "id");
  g_autofree char *kind = get_attr (node, "kind");
  g_autofree char *type = get_attr (node, "type");
  g_autofree char *status = get_attr (node, "status");
  g_autofree char *modified = timestamp_attr (ctx, node, "modified");
  int value;

  check_id (ctx, node, id);
  cw_case_set_id (item->kase, id);

  if (kind != NULL && cw_enum_from_nick (CW_TYPE_CASE_KIND, kind, &value))
    {
      cw_case_set_kind (item->kase, value);
      item->parts |= CW_CASEFILE_HAS_KIND;
    }
  if (type != NULL && cw_enum_from_nick (CW_TYPE_CASE_TYPE, type, &value))
    {
      cw_case_set_case_type (item->kase, value);
      item->parts |= CW_CASEFILE_HAS_TYPE;
    }
  if (status != NULL && cw_enum_from_nick (CW_TYPE_CASE_STATUS, status, &value))
    {
      cw_case_set_status (item->kase, value);
      item->parts |= CW_CASEFILE_HAS_STATUS;
    }
  if (modified != NULL)
    {
      cw_case_set_modified (item->kase, modified);
      item->parts |= CW_CASEFILE_HAS_MODIFIED;
    }
}

static void
read_urgent_action (ReadContext    *ctx,
                    xmlNode        *node,
                    CwCasefileCase *item)
{
  g_autofree char *number = get_attr (node, "number");
  g_autofree char *issued = date_attr (ctx, node, "issued", _("the urgent action’s issue date"));
  g_autofree char *deadline = date_attr (ctx, node, "deadline", _("the urgent action’s deadline"));
  g_autofree char *sequence = get_attr (node, "sequence");
  guint64 value = 0;

  if (sequence != NULL && !g_ascii_string_to_unsigned (sequence, 10, 1, G_MAXINT32, &value, NULL))
    fail_at (ctx, node, CW_CASEFILE_ERROR_VALUE,
             _("the urgent action’s sequence %s is not a number from 1 to %d"), sequence, G_MAXINT32);

  cw_case_set_ua_number (item->kase, number);
  cw_case_set_ua_issued (item->kase, issued);
  cw_case_set_ua_deadline (item->kase, deadline);
  cw_case_set_ua_sequence (item->kase, (guint) value);
  item->parts |= CW_CASEFILE_HAS_URGENT_ACTION;
}

static void
read_safety (xmlNode        *node,
             CwCasefileCase *item)
{
  g_autofree char *public_action = get_attr (node, "public-action");
  g_autofree char *solidarity = get_attr (node, "solidarity");

  /* Each setting on its own: a document that says nothing of one must
   * not wipe what the group has stored for it. */
  if (public_action != NULL)
    {
      cw_case_set_public_action (item->kase, public_action);
      item->parts |= CW_CASEFILE_HAS_PUBLIC_ACTION;
    }
  if (solidarity != NULL)
    {
      cw_case_set_solidarity (item->kase, solidarity);
      item->parts |= CW_CASEFILE_HAS_SOLIDARITY;
    }

  for (xmlNode *note = node->children; note != NULL; note = note->next)
    if (node_is (note, "note"))
      {
        g_ptr_array_add (cw_case_get_safety_notes (item->kase), get_text (note));
        item->parts |= CW_CASEFILE_HAS_SAFETY_NOTES;
      }
}

static void
read_case_element (ReadContext    *ctx,
                   xmlNode        *child,
                   CwCasefileCase *item)
{
  CwCase *kase = item->kase;
  const char *name = (const char *) child->name;
  g_autofree char *text = NULL;

  if (g_str_equal (name, "reference"))
    {
      g_autofree char *scheme = get_attr (child, "scheme");

      text = get_text (child);
      g_ptr_array_add (cw_case_get_references (kase), cw_reference_new (scheme, text));
      item->parts |= CW_CASEFILE_HAS_REFERENCES;
    }
  else if (g_str_equal (name, "urgent-action"))
    read_urgent_action (ctx, child, item);
  else if (g_str_equal (name, "country"))
    {
      g_autofree char *code = get_attr (child, "code");

      text = get_text (child);
      cw_case_set_country_code (kase, code);
      cw_case_set_country_name (kase, text);
    }
  else if (g_str_equal (name, "theme"))
    {
      g_ptr_array_add (cw_case_get_themes (kase), get_text (child));
      item->parts |= CW_CASEFILE_HAS_THEMES;
    }
  else if (g_str_equal (name, "person"))
    {
      g_ptr_array_add (cw_case_get_people (kase), read_person (ctx, child));
      item->parts |= CW_CASEFILE_HAS_PEOPLE;
    }
  else if (g_str_equal (name, "detention"))
    {
      cw_case_set_detention (kase, read_detention (ctx, child));
      item->parts |= CW_CASEFILE_HAS_DETENTION;
    }
  else if (g_str_equal (name, "safety"))
    read_safety (child, item);
  else if (g_str_equal (name, "coordinator"))
    {
      cw_case_set_coordinator (kase, read_contact (child));
      item->parts |= CW_CASEFILE_HAS_COORDINATOR;
    }
  else if (g_str_equal (name, "holder"))
    {
      CwContact *holder = read_contact (child);

      holder->from = date_attr (ctx, child, "from", _("the holder’s start date"));
      holder->to = date_attr (ctx, child, "to", _("the holder’s end date"));
      g_ptr_array_add (cw_case_get_holders (kase), holder);
      item->parts |= CW_CASEFILE_HAS_HOLDERS;
    }
  else if (g_str_equal (name, "target"))
    {
      g_ptr_array_add (cw_case_get_targets (kase), read_target (child));
      item->parts |= CW_CASEFILE_HAS_TARGETS;
    }
  else if (g_str_equal (name, "recommended-action"))
    {
      g_ptr_array_add (cw_case_get_recommended_actions (kase), get_text (child));
      item->parts |= CW_CASEFILE_HAS_ACTIONS;
    }
  else if (g_str_equal (name, "model-letter"))
    {
      g_autofree char *language = get_attr (child, "language");

      text = get_text (child);
      g_ptr_array_add (cw_case_get_model_letters (kase), cw_model_letter_new (language, text));
      item->parts |= CW_CASEFILE_HAS_MODEL_LETTERS;
    }
  else if (g_str_equal (name, "entry"))
    g_ptr_array_add (item->entries, read_entry (ctx, child, cw_case_get_id (kase)));
}

/* Single text elements of a case: title, region, opened, closed, summary,
 * background. */
static gboolean
read_case_text (ReadContext    *ctx,
                xmlNode        *child,
                CwCasefileCase *item)
{
  const char *name = (const char *) child->name;
  g_autofree char *text = NULL;

  if (g_str_equal (name, "opened"))
    {
      text = date_text (ctx, child, _("the date the case was opened"));
      cw_case_set_opened (item->kase, text);
      item->parts |= CW_CASEFILE_HAS_OPENED;
      return TRUE;
    }
  if (g_str_equal (name, "closed"))
    {
      g_autofree char *outcome = get_attr (child, "outcome");

      text = date_text (ctx, child, _("the date the case was closed"));
      cw_case_set_closed (item->kase, text);
      cw_case_set_closed_outcome (item->kase, outcome);
      item->parts |= CW_CASEFILE_HAS_CLOSED;
      return TRUE;
    }

  text = get_text (child);
  if (g_str_equal (name, "title"))
    cw_case_set_title (item->kase, text);
  else if (g_str_equal (name, "region"))
    {
      cw_case_set_region (item->kase, text);
      item->parts |= CW_CASEFILE_HAS_REGION;
    }
  else if (g_str_equal (name, "summary"))
    cw_case_set_summary (item->kase, text);
  else if (g_str_equal (name, "background"))
    {
      cw_case_set_background (item->kase, text);
      item->parts |= CW_CASEFILE_HAS_BACKGROUND;
    }
  else
    return FALSE;

  return TRUE;
}

static CwCasefileCase *
read_case (ReadContext *ctx,
           xmlNode     *node)
{
  CwCasefileCase *item = g_new0 (CwCasefileCase, 1);

  item->kase = cw_case_new ();
  item->entries = g_ptr_array_new_with_free_func (g_object_unref);
  item->line = (int) xmlGetLineNo (node);
  cw_case_set_has_details (item->kase, TRUE);

  read_case_attributes (ctx, node, item);
  for (xmlNode *child = node->children; child != NULL && ctx->error == NULL; child = child->next)
    {
      if (!is_casefile_node (child))
        continue;
      if (!read_case_text (ctx, child, item))
        read_case_element (ctx, child, item);
    }

  return item;
}

static void
read_source (xmlNode    *node,
             CwCasefile *casefile)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, "organisation"))
      casefile->source_organisation = get_text (child);
}

static CwCasefile *
read_tree (ReadContext *ctx,
           xmlDoc      *doc)
{
  g_autoptr(CwCasefile) casefile = g_new0 (CwCasefile, 1);
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *scope = get_attr (root, "scope");
  int value = CW_CASEFILE_SCOPE_FULL;

  /* Nothing keeps the export time, but a wrong one is still an error. */
  g_free (timestamp_attr (ctx, root, "exported"));
  casefile->name = g_strdup (ctx->name);
  casefile->version = get_attr (root, "version");
  if (scope != NULL)
    cw_enum_from_nick (CW_TYPE_CASEFILE_SCOPE, scope, &value);
  casefile->scope = value;
  casefile->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) cw_casefile_case_free);

  for (xmlNode *child = root->children; child != NULL && ctx->error == NULL; child = child->next)
    {
      if (node_is (child, "source"))
        read_source (child, casefile);
      else if (node_is (child, "case"))
        g_ptr_array_add (casefile->cases, read_case (ctx, child));
    }

  if (ctx->error != NULL)
    return NULL;

  return g_steal_pointer (&casefile);
}

/**
 * cw_casefile_read:
 * @bytes: the document as it came
 * @name: how to name the document in messages, usually its file name
 *
 * Reads and checks a whole casefile document. Nothing is stored: see
 * cw_store_import_casefile().
 *
 * Returns: (transfer full): the document's cases, or %NULL with an error
 *   that says what is wrong and where, as "NAME:LINE:COLUMN: message"
 */
CwCasefile *
cw_casefile_read (GBytes      *bytes,
                  const char  *name,
                  GError     **error)
{
  return cw_casefile_read_with_limit (bytes, name, CW_CASEFILE_MAX_BYTES, error);
}

/**
 * cw_casefile_read_with_limit:
 * @max_bytes: refuse documents larger than this
 *
 * Like cw_casefile_read(), with a size cap of the caller's.
 */
CwCasefile *
cw_casefile_read_with_limit (GBytes      *bytes,
                             const char  *name,
                             gsize        max_bytes,
                             GError     **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ReadContext ctx = { name != NULL ? name : "casefile", NULL, warnings, ids };
  CwCasefile *casefile = NULL;
  xmlDoc *doc = NULL;
  const char *data;
  gsize size;
  int minor;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  init_libxml ();
  data = g_bytes_get_data (bytes, &size);

  if (check_bytes (&ctx, data, size, max_bytes) &&
      (doc = parse_bytes (&ctx, data, size)) != NULL &&
      (minor = check_root (&ctx, doc)) >= 0)
    {
      strip_unknown (&ctx, xmlDocGetRootElement (doc), minor > 0);
      explain_common_mistakes (&ctx, xmlDocGetRootElement (doc));
      if (ctx.error == NULL && validate (&ctx, doc))
        casefile = read_tree (&ctx, doc);
    }

  g_clear_pointer (&doc, xmlFreeDoc);

  if (ctx.error != NULL)
    {
      g_propagate_error (error, ctx.error);
      return NULL;
    }

  g_assert (casefile != NULL);
  casefile->warnings = g_steal_pointer (&warnings);
  return casefile;
}

/* Reads at most @max_bytes + 1 bytes: a pipe or a device has no size to
 * check beforehand, and must not fill the memory. */
static GBytes *
load_capped (GFile   *file,
             gsize    max_bytes,
             GError **error)
{
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 chunk[65536];

  if (in == NULL)
    return NULL;

  while (data->len <= max_bytes)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), chunk, sizeof chunk, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, chunk, (guint) n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * cw_casefile_read_file:
 *
 * Reads a casefile document from a file, refusing one over the size cap
 * before loading it.
 */
CwCasefile *
cw_casefile_read_file (GFile   *file,
                       GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  if (g_file_info_get_size (info) > CW_CASEFILE_MAX_BYTES)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_TOO_LARGE,
                   _("%s: the file is %" G_GOFFSET_FORMAT " bytes; Casework reads casefiles "
                     "of up to %d bytes"), name, g_file_info_get_size (info), CW_CASEFILE_MAX_BYTES);
      return NULL;
    }

  bytes = load_capped (file, CW_CASEFILE_MAX_BYTES, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, CW_CASEFILE_ERROR, CW_CASEFILE_ERROR_IO, "%s: %s", name,
                   local_error->message);
      return NULL;
    }

  /* One byte over the cap is enough for the reader to refuse it. */
  return cw_casefile_read (bytes, name, error);
}

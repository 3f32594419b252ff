"""
The search box's query language, parsed in plain Python.

    therapists strike            both words (AND is implied)
    "life or death"              a phrase (straight or curly quotes)
    kaiser OR sutter             either word
    strike NOT kaiser, -kaiser   leave out a word
    (pay OR wages) AND nurses    grouping
    therap*                      words starting with "therap"
    speaker:Soroken              a field: headline, text, speaker, source, byline

One parser serves both backends (Whoosh and PostgreSQL compile the tree it
returns), so a query means the same thing whichever is configured. The text
is untrusted: parsing never fails. Whatever cannot be read as an operator is
read as words, and every repair is reported as a notice the page shows.
"""

from dataclasses import dataclass, field

from .analysis import plain_words, strip_control_characters

MAX_QUERY_CHARS = 500
MAX_TERMS = 24
MAX_DEPTH = 8
MIN_PREFIX_CHARS = 2

# What users may type before a colon, and the field each name means.
FIELD_NAMES = {
    "headline": "headline",
    "title": "headline",
    "text": "text",
    "body": "text",
    "quote": "text",
    "speaker": "speaker",
    "said": "speaker",
    "source": "source",
    "outlet": "source",
    "byline": "byline",
    "author": "byline",
}
PUBLIC_FIELDS = ("headline", "text", "speaker", "source", "byline")

_OPEN_QUOTES = {'"': '"', "“": "”", "„": "“", "”": "”", "«": "»"}
_CLOSE_QUOTES = {'"', "”", "“", "»"}
_SPECIAL = set("()") | set(_OPEN_QUOTES) | _CLOSE_QUOTES


# The tree ---------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """A word (it may still hold punctuation: analysis decides what its terms are)."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    text: str
    field: str | None = None


@dataclass(frozen=True)
class And:
    children: tuple


@dataclass(frozen=True)
class Or:
    children: tuple


@dataclass(frozen=True)
class Not:
    child: object


LEAVES = (Term, Prefix, Phrase)


@dataclass
class ParsedQuery:
    """The parsed tree (None: nothing to search for) and what was repaired on the way."""

    text: str
    tree: object = None
    notices: list = field(default_factory=list)

    @property
    def empty(self):
        return self.tree is None

    @property
    def quoted(self):
        """The query as a heading quotes it: see ``quote_for_heading``."""
        return quote_for_heading(self.text)


def leaves(node, *, positive_only=False):
    """Every Term, Prefix and Phrase in the tree (skipping negated ones if asked)."""
    if node is None:
        return
    if isinstance(node, LEAVES):
        yield node
    elif isinstance(node, Not):
        if not positive_only:
            yield from leaves(node.child)
    else:
        for child in node.children:
            yield from leaves(child, positive_only=positive_only)


def to_text(node, *, top=True):
    """The tree written back in the query language (for links such as "did you mean")."""
    if node is None:
        return ""
    if isinstance(node, LEAVES):
        prefix = f"{node.field}:" if node.field else ""
        if isinstance(node, Phrase):
            return f'{prefix}"{node.text}"'
        return f"{prefix}{node.text}{'*' if isinstance(node, Prefix) else ''}"
    if isinstance(node, Not):
        return f"NOT {to_text(node.child, top=False)}"
    joiner = " OR " if isinstance(node, Or) else " "
    inner = joiner.join(to_text(child, top=False) for child in node.children)
    return inner if top else f"({inner})"


def map_leaves(node, function):
    """A copy of the tree with each leaf replaced by ``function(leaf)``."""
    if isinstance(node, LEAVES):
        return function(node)
    if isinstance(node, Not):
        return Not(map_leaves(node.child, function))
    return type(node)(tuple(map_leaves(child, function) for child in node.children))


# Tokens -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str  # word, phrase, field, open, close, and, or, not
    text: str = ""


def _tokenize(text, notices):
    tokens = []
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char.isspace():
            position += 1
        elif char in _OPEN_QUOTES:
            closing = _OPEN_QUOTES[char]
            end = position + 1
            while (
                end < length
                and text[end] != closing
                and not (closing != '"' and text[end] in _CLOSE_QUOTES)
            ):
                end += 1
            if end >= length:
                notices.append(
                    "A quotation mark was not closed; we closed it at the end of your query."
                )
            tokens.append(_Token("phrase", text[position + 1 : end]))
            position = end + 1
        elif char in _CLOSE_QUOTES:
            position += 1  # a stray closing quote
        elif char == "(":
            tokens.append(_Token("open"))
            position += 1
        elif char == ")":
            tokens.append(_Token("close"))
            position += 1
        else:
            end = position
            while end < length and not text[end].isspace() and text[end] not in _SPECIAL:
                end += 1
            word = text[position:end]
            position = end
            tokens.extend(_word_tokens(word, notices))
    return _limit_nesting(tokens, notices)


def _limit_nesting(tokens, notices):
    """Drop brackets nested deeper than MAX_DEPTH (with their partners)."""
    kept, depth, dropped = [], 0, 0
    for token in tokens:
        if token.kind == "open":
            if depth >= MAX_DEPTH:
                dropped += 1
                continue
            depth += 1
        elif token.kind == "close":
            if dropped:
                dropped -= 1
                continue
            depth = max(0, depth - 1)
        kept.append(token)
    if len(kept) < len(tokens):
        notices.append(f"Brackets can nest {MAX_DEPTH} deep; we ignored the deeper ones.")
    return kept


def _word_tokens(word, notices):
    if word in {"AND", "&&"}:
        return [_Token("and")]
    if word in {"OR", "||"}:
        return [_Token("or")]
    if word in {"NOT", "!"}:
        return [_Token("not")]
    tokens = []
    if len(word) > 1 and word[0] in "-!":
        tokens.append(_Token("not"))
        word = word[1:]
    elif len(word) > 1 and word[0] == "+":
        word = word[1:]
    name, colon, rest = word.partition(":")
    if colon and name:
        if name.lower() in FIELD_NAMES:
            tokens.append(_Token("field", FIELD_NAMES[name.lower()]))
            word = rest
        elif name.isalpha() and not rest.startswith("/"):
            if rest:
                notices.append(
                    f"There is no “{name}” field, so we searched for “{rest}” everywhere. "
                    f"Fields you can use: {', '.join(PUBLIC_FIELDS)}."
                )
            word = rest or name
    word = word.lstrip("-+!")  # "speaker:-x": operators only count before a field name
    if word:
        tokens.append(_Token("word", word))
    return tokens


# Parser -----------------------------------------------------------------------


class _Parser:
    def __init__(self, tokens, notices):
        self.tokens = tokens
        self.position = 0
        self.notices = notices
        self.terms = 0

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def note(self, message):
        if message not in self.notices:
            self.notices.append(message)

    def at_end_of_group(self, depth):
        token = self.peek()
        return token is None or token.kind == "or" or (token.kind == "close" and depth > 0)

    def parse(self):
        node = self.parse_or(0)
        while self.peek() is not None:  # only stray ")" can stop the top level early
            self.take()
            self.note("A closing bracket had no opening one; we ignored it.")
            more = self.parse_or(0)
            node = _combine(And, [node, more])
        return node

    def parse_or(self, depth):
        options = [self.parse_and(depth)]
        while self.peek() is not None and self.peek().kind == "or":
            self.take()
            if self.at_end_of_group(depth):
                self.note("OR needs something on both sides; we ignored a lone OR.")
                continue
            options.append(self.parse_and(depth))
        return _combine(Or, options)

    def parse_and(self, depth):
        items = []
        while not self.at_end_of_group(depth):
            token = self.peek()
            if token.kind == "close":  # only reached at depth 0
                break
            if token.kind == "and":
                self.take()
                if not items or self.at_end_of_group(depth):
                    self.note("AND needs something on both sides; we ignored a lone AND.")
                continue
            item = self.parse_unary(depth)
            if item is not None:
                items.append(item)
        return _combine(And, items)

    def parse_unary(self, depth):
        token = self.peek()
        if token.kind == "not":
            self.take()
            following = self.peek()
            if following is None or following.kind in {"or", "and", "close"}:
                self.note("NOT needs a word after it; we ignored a lone NOT.")
                return None
            child = self.parse_unary(depth)
            if child is None:
                return None
            return child.child if isinstance(child, Not) else Not(child)
        return self.parse_atom(depth, None)

    def parse_atom(self, depth, field_name):
        token = self.take()
        if token.kind == "open":
            node = self.parse_or(depth + 1)
            if self.peek() is not None and self.peek().kind == "close":
                self.take()
            else:
                self.note("A bracket was not closed; we closed it at the end of your query.")
            return _with_field(node, field_name)
        if token.kind == "field":
            following = self.peek()
            if following is None or following.kind in {"or", "and", "close", "not", "field"}:
                self.note(f"“{token.text}:” needs a word after it; we ignored it.")
                return None
            return self.parse_atom(depth, token.text)
        if token.kind == "phrase":
            return self.leaf(Phrase, token.text, field_name)
        if token.kind == "word":
            if token.text.endswith("*"):
                stem = token.text.rstrip("*")
                letters = "".join(plain_words(stem))
                if len(letters) >= MIN_PREFIX_CHARS and len(plain_words(stem)) == 1:
                    return self.leaf(Prefix, stem, field_name)
                if letters:
                    self.note(
                        f"A search for words starting with something needs at least "
                        f"{MIN_PREFIX_CHARS} letters before the *; we searched for “{stem}” instead."
                    )
                return self.leaf(Term, stem, field_name)
            return self.leaf(Term, token.text, field_name)
        # An operator where a word should be (e.g. "AND" right after "NOT"): skip it.
        self.note("Some operators were out of place; we ignored them.")
        return None

    def leaf(self, kind, text, field_name):
        if not plain_words(text):
            return None  # punctuation only: nothing to look for
        self.terms += 1
        if self.terms > MAX_TERMS:
            self.note(f"Queries can use up to {MAX_TERMS} words; we left out the rest.")
            return None
        return kind(text.strip(), field_name)


def _combine(kind, items):
    items = [item for item in items if item is not None]
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    flat = []
    for item in items:
        flat.extend(item.children if isinstance(item, kind) else [item])
    return kind(tuple(flat))


def _with_field(node, field_name):
    """Apply ``field_name`` to every leaf of a group that does not name its own field."""
    if node is None or field_name is None:
        return node
    return map_leaves(node, lambda leaf: leaf if leaf.field else type(leaf)(leaf.text, field_name))


def clean_query_text(text):
    """The query with control characters removed and its length bounded, plus notices."""
    notices = []
    text = strip_control_characters(text or "")
    text = " ".join(text.split())
    if len(text) > MAX_QUERY_CHARS:
        cut = text.rfind(" ", 0, MAX_QUERY_CHARS)
        text = text[: cut if cut > MAX_QUERY_CHARS // 2 else MAX_QUERY_CHARS]
        notices.append(f"Your query was long, so we used its first {MAX_QUERY_CHARS} characters.")
    return text, notices


def parse_query(text):
    """Parse what a reader typed. Never raises: unreadable syntax is searched as words."""
    text, notices = clean_query_text(text)
    try:
        tree = _Parser(_tokenize(text, notices), notices).parse()
    except Exception:  # a bug in the parser must not cost the reader their search
        notices.append(
            "We couldn't read the operators in your query, so we searched for its words."
        )
        tree = plain_terms(text)
    if tree is not None and _only_negative(tree):
        notices.append("Your query only says what to leave out; showing everything else.")
    return ParsedQuery(text=text, tree=tree, notices=notices)


def plain_terms(text):
    """The fallback reading of a query: all of its words, as plain terms."""
    words = plain_words(text)[:MAX_TERMS]
    return _combine(And, [Term(word) for word in words])


def _only_negative(node):
    if isinstance(node, Not):
        return True
    if isinstance(node, And):
        return all(isinstance(child, Not) for child in node.children)
    return False


_QUOTE_MARKS = '"“”'


def quote_for_heading(text):
    """
    What the reader typed, inside curly quotation marks, without doubling them:
    ``"life or death"`` is shown “life or death”, and a phrase inside a longer
    query takes single marks, as a quotation inside a quotation does
    (“therapists ‘life or death’”).
    """
    inner = text.strip()
    if (
        len(inner) >= 2
        and inner[0] in _QUOTE_MARKS
        and inner[-1] in _QUOTE_MARKS
        and not any(mark in inner[1:-1] for mark in _QUOTE_MARKS)
    ):
        inner = inner[1:-1]
    parts, opening = [], True
    for character in inner:
        if character in _QUOTE_MARKS:
            parts.append("‘" if opening else "’")
            opening = not opening
        else:
            parts.append(character)
    return f"“{''.join(parts)}”"

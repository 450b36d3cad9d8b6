package notebook

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"slices"
)

// Cell types.
const (
	Code     = "code"
	Markdown = "markdown"
	Raw      = "raw"
)

// Cell is one notebook cell.
type Cell struct {
	ID             string                     // required from nbformat 4.5 on
	CellType       string                     // Code, Markdown or Raw
	Metadata       map[string]any             // cell metadata (tags live here)
	Source         string                     // the text, joined
	Outputs        []*Output                  // code cells only
	ExecutionCount *int                       // code cells only; nil is null
	Attachments    map[string]any             // markdown and raw cells only
	Extra          map[string]json.RawMessage // unknown fields, kept as read
}

// NewCode returns a code cell with source and no outputs.
func NewCode(source string) *Cell {
	return &Cell{CellType: Code, Source: source, Metadata: map[string]any{}, Outputs: []*Output{}}
}

// NewMarkdown returns a markdown cell.
func NewMarkdown(source string) *Cell {
	return &Cell{CellType: Markdown, Source: source, Metadata: map[string]any{}}
}

// Tags returns metadata.tags.
func (c *Cell) Tags() []string {
	raw, _ := c.Metadata["tags"].([]any)
	var tags []string
	for _, t := range raw {
		if s, ok := t.(string); ok {
			tags = append(tags, s)
		}
	}
	return tags
}

// HasTag reports whether metadata.tags contains tag.
func (c *Cell) HasTag(tag string) bool { return slices.Contains(c.Tags(), tag) }

// Tag adds tag to metadata.tags (once) and returns the cell.
func (c *Cell) Tag(tag string) *Cell {
	if c.HasTag(tag) {
		return c
	}
	if c.Metadata == nil {
		c.Metadata = map[string]any{}
	}
	tags, _ := c.Metadata["tags"].([]any)
	c.Metadata["tags"] = append(tags, tag)
	return c
}

// newCellID returns a random id in the form nbformat generates (8 hex digits
// is enough for uniqueness within a notebook and matches the schema).
func newCellID() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

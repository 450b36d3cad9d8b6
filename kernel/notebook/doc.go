// Package notebook reads and writes Jupyter notebooks (nbformat 4) without
// losing anything: fields and metadata it does not know are kept and written
// back, and the written file has the layout nbformat itself produces (keys
// sorted, one-space indent, multi-line strings split into lists of lines), so
// an executed copy diffs cleanly against its source.
//
// A malformed file is reported with its path, and for bad JSON the line and
// column of the problem.
package notebook

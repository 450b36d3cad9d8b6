package exercise_test

import (
	"fmt"

	"github.com/fearless-go/fearless/kernel/exercise"
	"github.com/fearless-go/fearless/kernel/notebook"
)

// A solution cell and a check cell, checked and turned into the student
// version.
func Example() {
	nb := notebook.New("fearless", "Go (Fearless)", "go")
	nb.Add(notebook.NewCode("func Double(n int) int {\n\t// BEGIN SOLUTION\n\treturn 2 * n\n\t// END SOLUTION\n}")).
		Metadata["nbgrader"] = map[string]any{"grade": false, "solution": true, "locked": false, "grade_id": "double", "schema_version": 3}
	nb.Add(notebook.NewCode("%%\nex := check.Exercise(\"double\")\ndefer ex.Done()\nex.Equal(\"2\", 4, func() any { return Double(2) })\n// BEGIN HIDDEN TESTS\nex.Equal(\"0\", 0, func() any { return Double(0) })\n// END HIDDEN TESTS")).
		Metadata["nbgrader"] = map[string]any{"grade": true, "solution": false, "locked": true, "grade_id": "double-check", "points": 2, "schema_version": 3}

	n := exercise.Parse(nb, "")
	fmt.Println("problems:", len(exercise.Validate(n)))
	student, err := exercise.Student(n)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(student.Cells[0].Source)
	fmt.Println(student.Cells[1].Source)

	// A check cell that shares its solution's grade_id: nbgrader would refuse it.
	nb.Cells[1].Metadata["nbgrader"].(map[string]any)["grade_id"] = "double"
	for _, p := range exercise.Validate(exercise.Parse(nb, "course.ipynb")) {
		fmt.Println(p.Error())
	}
	// Output:
	// problems: 0
	// func Double(n int) int {
	// 	panic("not implemented") // TODO: your code here
	// }
	// %%
	// ex := check.Exercise("double")
	// defer ex.Done()
	// ex.Equal("2", 4, func() any { return Double(2) })
	// course.ipynb: cell 2 (grade_id double): duplicate grade_id "double" (also cell 1): nbgrader wants each grade_id once; a check cell is named double-check
	// course.ipynb: cell 2 (grade_id double): a check cell's grade_id is <solution grade_id>-check (or -check-2, ...): "double" names no exercise
	// course.ipynb: cell 1 (grade_id double): solution cell without a check cell (grade_id double-check)
	// course.ipynb: cell 1 (grade_id double): no wrong answers: keep at least one in testdata/wrong/course/double/<name>.go
}

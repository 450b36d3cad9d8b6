package grade_test

import (
	"encoding/json"
	"os"

	"github.com/fearless-go/fearless/kernel/grade"
)

// A submission's grade in Gradescope's results.json format: a test per check.
func ExampleSubmission_Gradescope() {
	s := &grade.Submission{Name: "alice", Score: 3, MaxScore: 5, Exercises: []*grade.Exercise{{
		ID: "count", Score: 3, MaxScore: 5, Reason: "four goroutines: got 3998, want 4000",
		Checks: []grade.Check{
			{Name: "one goroutine counts to 1000", Score: 1, MaxScore: 1, Status: "passed"},
			{Name: "four goroutines", Score: 0, MaxScore: 2, Status: "failed", Message: "got 3998, want 4000", Hidden: true},
			{Name: "built with the race detector", Score: 2, MaxScore: 2, Status: "passed"},
		},
	}}}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	_ = enc.Encode(s.Gradescope().Tests[1])
	// Output:
	// {
	//  "name": "count: four goroutines",
	//  "score": 0,
	//  "max_score": 2,
	//  "status": "failed",
	//  "output_format": "text",
	//  "visibility": "after_published",
	//  "output": "failed: got 3998, want 4000"
	// }
}

// The class gradebook: a row per submission, a column per exercise.
func ExampleClass_WriteCSV() {
	c := &grade.Class{
		Exercises: []grade.ExerciseDef{{ID: "count", Points: 5}, {ID: "first-of", Points: 4}},
		Submissions: []*grade.Submission{
			{Name: "alice", Score: 9, MaxScore: 9, Status: grade.StatusGraded, Path: "subs/alice.ipynb",
				Exercises: []*grade.Exercise{{ID: "count", Score: 5}, {ID: "first-of", Score: 4}}},
			{Name: "bob", Score: 0, MaxScore: 9, Status: grade.StatusUnreadable, Path: "subs/bob.ipynb",
				Problem:   "not a notebook: no nbformat field",
				Exercises: []*grade.Exercise{{ID: "count"}, {ID: "first-of"}}},
		},
	}
	_ = c.WriteCSV(os.Stdout)
	// Output:
	// submission,score,max_score,count,first-of,status,problem,file
	// alice,9,9,5,4,graded,,subs/alice.ipynb
	// bob,0,9,0,0,unreadable,not a notebook: no nbformat field,subs/bob.ipynb
}

"""The question banks and the grades in an LMS: Canvas (QTI 1.2) and Moodle (Moodle XML, GIFT).

* ``kzlessons export-bank --format qti|moodle-xml|gift [--lesson NN] [-o PATH]``
  (:mod:`.cli`) writes the banks in the format an LMS imports: :mod:`.qti`
  (Canvas classic quizzes), :mod:`.moodle_xml` and :mod:`.gift` (Moodle), and
  prints what each format could not carry as it is (:mod:`.carry`).
* ``kzlessons gradebook --lms canvas|moodle`` writes the gradebook's per-lesson
  scores in the CSV layout each LMS gradebook imports (:mod:`.grades`).

Nothing here is imported by the lessons; only the commands load it.
"""

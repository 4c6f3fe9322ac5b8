// Plain script text that goja runs as is, to compare positions with.
function check(v) { if (v > 1) { var msg = 'too big'; throw new Error(msg + ': ' + v); } return v; }

var values = [0, 1, 2];
values.map(function (v) { return check(v) * 2; });

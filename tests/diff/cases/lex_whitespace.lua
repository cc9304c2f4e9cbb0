print(1)print(2);print(3);
local a=1 local b=2 print(a+b)
print(
"multi"
,
"line"
)
local	t	=	{	1	,	2	}	print(#t)
local s = "a"
.. "b" ..
"c"
print(s)

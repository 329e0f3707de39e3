/*
 * IEC 61131-3 Structured Text, as Twinline reads it: POUs, data types, global variables and
 * configurations. Keywords are case-insensitive; elementary type names are plain identifiers
 * (resolved by the compiler), so a user type may not shadow them by accident of the grammar.
 */
grammar St;

options { caseInsensitive = true; }


compilationUnit : unit* EOF ;

unit
  : programDecl
  | functionBlockDecl
  | functionDecl
  | typeDecl
  | globalVarBlock
  | configuration
  ;

programDecl : PROGRAM name=ID varBlock* body END_PROGRAM ;

functionBlockDecl : FUNCTION_BLOCK name=ID varBlock* body END_FUNCTION_BLOCK ;

functionDecl : FUNCTION name=ID (':' typeSpec)? varBlock* body END_FUNCTION ;

body : statement* ;

varBlock
  : kind=(VAR | VAR_INPUT | VAR_OUTPUT | VAR_IN_OUT | VAR_TEMP | VAR_EXTERNAL | VAR_GLOBAL)
    qualifier* varDecl* END_VAR
  ;

globalVarBlock : VAR_GLOBAL qualifier* varDecl* END_VAR ;

qualifier : CONSTANT | RETAIN | NON_RETAIN | PERSISTENT ;

varDecl : ID (',' ID)* location? ':' typeSpec (':=' init)? ';' ;

location : AT DIRECT_ADDRESS ;

typeSpec
  : ARRAY '[' subrange (',' subrange)* ']' OF typeSpec                 # arrayType
  | '(' enumValue (',' enumValue)* ')' (base=ID)?                        # enumType
  | STRUCT structMember* END_STRUCT                                      # structType
  | name=ID '(' lo=expression '..' hi=expression ')'                     # subrangeType
  | name=ID ('[' length=expression ']' | '(' length=expression ')')      # sizedStringType
  | name=ID                                                              # namedType
  ;

subrange : lo=expression '..' hi=expression ;

enumValue : ID (':=' expression)? ;

structMember : ID (',' ID)* ':' typeSpec (':=' init)? ';' ;

init
  : '[' arrayInit (',' arrayInit)* ']'                                   # arrayInitList
  | '(' fieldInit (',' fieldInit)* ')'                                   # structInit
  | expression                                                           # exprInit
  ;

arrayInit
  : count=INTEGER '(' init? ')'                                          # repeatedInit
  | init                                                                 # singleInit
  ;

fieldInit : ID ':=' init ;

typeDecl : TYPE typeDef* END_TYPE ;

typeDef : name=ID ':' typeSpec (':=' init)? ';' ;

configuration
  : CONFIGURATION name=ID globalVarBlock* (resource | taskDecl | programConfig)* END_CONFIGURATION
  ;

resource
  : RESOURCE name=ID (on=ID processor=ID)? globalVarBlock* (taskDecl | programConfig)* END_RESOURCE
  ;

taskDecl : TASK name=ID ('(' taskParam (',' taskParam)* ')')? ';' ;

taskParam : ID ':=' expression ;

programConfig : PROGRAM instance=ID (WITH task=ID)? ':' type=ID ('(' ')')? ';' ;

statement
  : target=variable ':=' expression ';'                                  # assignment
  | call ';'                                                             # callStatement
  | IF expression THEN body elsif* (ELSE elseBody=body)? END_IF ';'?     # ifStatement
  | CASE expression OF caseElement* (ELSE elseBody=body)? END_CASE ';'?  # caseStatement
  | FOR ID ':=' from=expression TO to=expression (BY by=expression)? DO body END_FOR ';'?
                                                                         # forStatement
  | WHILE expression DO body END_WHILE ';'?                              # whileStatement
  | REPEAT body UNTIL expression END_REPEAT ';'?                         # repeatStatement
  | EXIT ';'                                                             # exitStatement
  | CONTINUE ';'                                                         # continueStatement
  | RETURN ';'                                                           # returnStatement
  | ';'                                                                  # emptyStatement
  ;

elsif : ELSIF expression THEN body ;

caseElement : caseLabel (',' caseLabel)* ':' body ;

caseLabel : lo=expression ('..' hi=expression)? ;

call : callee=variable '(' (argument (',' argument)*)? ')' ;

argument
  : ID ':=' expression                                                   # inputArgument
  | NOT? ID '=>' variable                                                # outputArgument
  | expression                                                           # positionalArgument
  ;

expression
  : primary                                                              # primaryExpr
  | <assoc=right> left=expression op='**' right=expression               # binaryExpr
  | op=('-' | '+' | NOT) expression                                      # unaryExpr
  | left=expression op=('*' | '/' | MOD) right=expression                # binaryExpr
  | left=expression op=('+' | '-') right=expression                      # binaryExpr
  | left=expression op=('<' | '>' | '<=' | '>=') right=expression        # binaryExpr
  | left=expression op=('=' | '<>') right=expression                     # binaryExpr
  | left=expression op=(AND | '&') right=expression                      # binaryExpr
  | left=expression op=XOR right=expression                              # binaryExpr
  | left=expression op=OR right=expression                               # binaryExpr
  ;

primary
  : literal                                                              # literalPrimary
  | call                                                                 # callPrimary
  | variable                                                             # variablePrimary
  | '(' expression ')'                                                   # parenPrimary
  ;

variable : ID selector* ;

selector
  : '.' ID                                                               # fieldSelector
  | '.' INTEGER                                                          # bitSelector
  | '[' expression (',' expression)* ']'                                 # indexSelector
  ;

literal
  : INTEGER                                                              # intLiteral
  | BASED_INTEGER                                                        # basedLiteral
  | REAL_NUMBER                                                          # realLiteral
  | (TRUE | FALSE)                                                       # boolLiteral
  | TIME_LITERAL                                                         # timeLiteral
  | DATE_LITERAL                                                         # dateLiteral
  | STRING_LITERAL                                                       # stringLiteral
  | WSTRING_LITERAL                                                      # wstringLiteral
  | type=ID '#' sign=('-' | '+')? value=(INTEGER | BASED_INTEGER | REAL_NUMBER) # typedLiteral
  | type=ID '#' (TRUE | FALSE)                                           # typedBoolLiteral
  | type=ID '#' member=ID                                                # enumLiteral
  ;

PROGRAM : 'PROGRAM' ;
END_PROGRAM : 'END_PROGRAM' ;
FUNCTION_BLOCK : 'FUNCTION_BLOCK' ;
END_FUNCTION_BLOCK : 'END_FUNCTION_BLOCK' ;
FUNCTION : 'FUNCTION' ;
END_FUNCTION : 'END_FUNCTION' ;
VAR : 'VAR' ;
VAR_INPUT : 'VAR_INPUT' ;
VAR_OUTPUT : 'VAR_OUTPUT' ;
VAR_IN_OUT : 'VAR_IN_OUT' ;
VAR_TEMP : 'VAR_TEMP' ;
VAR_EXTERNAL : 'VAR_EXTERNAL' ;
VAR_GLOBAL : 'VAR_GLOBAL' ;
END_VAR : 'END_VAR' ;
CONSTANT : 'CONSTANT' ;
RETAIN : 'RETAIN' ;
NON_RETAIN : 'NON_RETAIN' ;
PERSISTENT : 'PERSISTENT' ;
AT : 'AT' ;
TYPE : 'TYPE' ;
END_TYPE : 'END_TYPE' ;
STRUCT : 'STRUCT' ;
END_STRUCT : 'END_STRUCT' ;
ARRAY : 'ARRAY' ;
OF : 'OF' ;
CONFIGURATION : 'CONFIGURATION' ;
END_CONFIGURATION : 'END_CONFIGURATION' ;
RESOURCE : 'RESOURCE' ;
END_RESOURCE : 'END_RESOURCE' ;
TASK : 'TASK' ;
WITH : 'WITH' ;
IF : 'IF' ;
THEN : 'THEN' ;
ELSIF : 'ELSIF' ;
ELSE : 'ELSE' ;
END_IF : 'END_IF' ;
CASE : 'CASE' ;
END_CASE : 'END_CASE' ;
FOR : 'FOR' ;
TO : 'TO' ;
BY : 'BY' ;
DO : 'DO' ;
END_FOR : 'END_FOR' ;
WHILE : 'WHILE' ;
END_WHILE : 'END_WHILE' ;
REPEAT : 'REPEAT' ;
UNTIL : 'UNTIL' ;
END_REPEAT : 'END_REPEAT' ;
EXIT : 'EXIT' ;
CONTINUE : 'CONTINUE' ;
RETURN : 'RETURN' ;
NOT : 'NOT' ;
AND : 'AND' ;
OR : 'OR' ;
XOR : 'XOR' ;
MOD : 'MOD' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;

TIME_LITERAL : ('T' | 'TIME' | 'LT' | 'LTIME') '#' [+-]? [0-9] [0-9a-z_.]* ;
DATE_LITERAL
  : ('D' | 'DATE' | 'LD' | 'LDATE') '#' [0-9] [0-9-]*
  | ('TOD' | 'TIME_OF_DAY' | 'LTOD') '#' [0-9] [0-9:.]*
  | ('DT' | 'DATE_AND_TIME' | 'LDT') '#' [0-9] [0-9:.-]*
  ;
BASED_INTEGER : [0-9]+ '#' [0-9a-f_]+ ;
REAL_NUMBER
  : [0-9] [0-9_]* '.' [0-9] [0-9_]* ([e] [+-]? [0-9]+)?
  | [0-9] [0-9_]* [e] [+-]? [0-9]+
  ;
INTEGER : [0-9] [0-9_]* ;
STRING_LITERAL : '\'' ('$' . | ~['$\r\n])* '\'' ;
WSTRING_LITERAL : '"' ('$' . | ~["$\r\n])* '"' ;
DIRECT_ADDRESS : '%' [iqm] ([xbwdl])? ([0-9]+ ('.' [0-9]+)* | '*') ;
ID : [a-z_] [a-z0-9_]* ;

ASSIGN : ':=' ;
OUTPUT_ASSIGN : '=>' ;
RANGE : '..' ;
POWER : '**' ;
LE : '<=' ;
GE : '>=' ;
NE : '<>' ;
COLON : ':' ;
SEMI : ';' ;
COMMA : ',' ;
DOT : '.' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
HASH : '#' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
LT_ : '<' ;
GT_ : '>' ;
EQ : '=' ;
AMP : '&' ;

BLOCK_COMMENT : '(*' (BLOCK_COMMENT | .)*? '*)' -> channel(HIDDEN) ;
C_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
LINE_COMMENT : '//' ~[\r\n]* -> channel(HIDDEN) ;
PRAGMA : '{' ~[}]* '}' -> channel(2) ;
WS : [ \t\r\n\f]+ -> channel(HIDDEN) ;
ERROR_CHAR : . ;
